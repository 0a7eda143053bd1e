from enum import StrEnum


class AssessmentStatus(StrEnum):
    EXPIRED = "expired"
    FAILED = "failed"
    IN_PROGRESS = "in_progress"
    PASSED = "passed"

    def __str__(self) -> str:
        return str(self.value)
