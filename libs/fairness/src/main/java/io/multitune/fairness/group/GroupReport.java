package io.multitune.fairness.group;

import java.util.List;

/**
 * The group metrics of one attribute, for one task and one model.
 *
 * @param attribute          the attribute (a key of {@code StandardExample.groups()})
 * @param numClasses         the task's classes
 * @param evaluatedClasses   the classes whose rates are compared (see the package doc)
 * @param minGroupSize       the smallest group that enters the differences
 * @param examples           examples carrying the attribute
 * @param missing            examples without it (left out)
 * @param groups             every group, small ones included, sorted by name
 * @param perClass           the gaps of each evaluated class
 * @param demographicParity  the demographic parity difference (largest over the classes)
 * @param equalizedOdds      the equalized odds difference (largest over the classes)
 * @param notes              what the reader needs to know: small groups, undefined rates, missing attributes
 */
public record GroupReport(String attribute, int numClasses, List<Integer> evaluatedClasses, int minGroupSize,
                          int examples, int missing, List<GroupFigures> groups, List<ClassDisparity> perClass,
                          Disparity demographicParity, Disparity equalizedOdds, List<String> notes) {

    /** Copies the lists. */
    public GroupReport {
        evaluatedClasses = List.copyOf(evaluatedClasses);
        groups = List.copyOf(groups);
        perClass = List.copyOf(perClass);
        notes = List.copyOf(notes);
    }

    /** Names of the groups that entered the differences. */
    public List<String> groupsInDifferences() {
        return groups.stream().filter(GroupFigures::inDifferences).map(GroupFigures::group).toList();
    }
}
