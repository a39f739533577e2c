package io.multitune.fairness.templates;

import io.multitune.events.ExampleInput;

import java.util.List;

/**
 * A template filled with one group of a term list, one variant per column. Variant 0 is the source and the others
 * its counterfactuals: the auditor scores them all and passes the case's index as the source of its pairs.
 *
 * @param template   the template
 * @param filler     the group's terms, column by column
 * @param variants   the filled inputs, column by column (text, text pair, or tokens by the template's task type)
 * @param slotTokens for token-classification templates, the token indices the slots took (left out of tag flips);
 *                   empty otherwise
 */
public record TemplateCase(Template template, List<String> filler, List<ExampleInput> variants,
                           List<Integer> slotTokens) {

    /** Copies the lists. */
    public TemplateCase {
        filler = List.copyOf(filler);
        variants = List.copyOf(variants);
        slotTokens = List.copyOf(slotTokens);
    }

    /** The slot mask of a token-classification case: true where a slot's filler stands. */
    public boolean[] swappedMask() {
        List<String> tokens = variants.get(0).tokens();
        boolean[] mask = new boolean[tokens == null ? 0 : tokens.size()];
        for (int i : slotTokens) {
            mask[i] = true;
        }
        return mask;
    }
}
