package io.multitune.fairness;

import io.multitune.events.TaskType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditabilityTest {

    @Test
    void everyTaskTypeSaysWhetherAndHowItIsAudited() {
        assertEquals(CounterfactualKind.LABEL_FLIPS, Auditability.of(TaskType.TEXT_CLASSIFICATION).kind());
        assertEquals(CounterfactualKind.LABEL_FLIPS, Auditability.of(TaskType.TEXT_PAIR_CLASSIFICATION).kind());
        assertEquals(CounterfactualKind.TAG_FLIPS, Auditability.of(TaskType.TOKEN_CLASSIFICATION).kind());
        assertEquals(CounterfactualKind.VALUE_CHANGE, Auditability.of(TaskType.REGRESSION).kind());
        for (TaskType t : new TaskType[] {TaskType.EXTRACTIVE_QA, TaskType.TEXT_TO_TEXT}) {
            Auditability a = Auditability.of(t);
            assertFalse(a.audited());
            assertNull(a.kind());
            assertTrue(a.reason().contains("not audited"), a.reason());
        }
        for (TaskType t : TaskType.values()) {
            assertFalse(Auditability.of(t).reason().isBlank());
        }
    }
}
