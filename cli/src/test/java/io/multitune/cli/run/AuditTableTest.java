package io.multitune.cli.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.ModelAudited;
import io.multitune.events.RunAudited;
import io.multitune.events.RunEvaluated;
import io.multitune.events.TaskType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTableTest {
    @Test
    void printsTheTransferTableTheTasksNotAuditedAndTheVerdict() {
        RunAudited a = new RunAudited(1, "r", "r.mtl", "CPU", List.of(
                new RunAudited.TransferRow("sentiment", "counterfactual-flip-rate", null, 0.12, 0.04, 0.08, 0.03,
                        0.13, true, true),
                new RunAudited.TransferRow("genre", "demographic-parity", "gender", 0.10, 0.20, -0.10, -0.18, -0.02,
                        true, true),
                new RunAudited.TransferRow("pos", "counterfactual-flip-rate", null, 0.01, 0.02, -0.01, -0.03, 0.01,
                        true, true),
                new RunAudited.TransferRow("ner", "counterfactual-flip-rate", null, 0.05, null, null, null, null,
                        null, true)),
                List.of(), List.of(new ModelAudited.NotAudited("qa", TaskType.EXTRACTIVE_QA, "spans do not flip")),
                List.of("ner"), List.of(), new RunEvaluated.Verdict(false, List.of("sentiment: flips rose by 0.08"),
                List.of()), null, Instant.now());
        String text = AuditTable.render(a);
        assertTrue(text.contains("spread by multi-task"), text);
        assertTrue(text.contains("reduced by multi-task"), text);
        assertTrue(text.contains("no significant change"), text);
        assertTrue(text.contains("no baseline"), text);
        assertTrue(text.contains("demographic-parity (gender)"), text);
        assertTrue(text.contains("[+0.0300, +0.1300]"), text);
        assertTrue(text.contains("not audited: qa (spans do not flip)"), text);
        assertTrue(text.contains("audited without a baseline: ner"), text);
        assertTrue(text.contains("bias verdict: FAIL\n  - sentiment: flips rose by 0.08"), text);
    }
}
