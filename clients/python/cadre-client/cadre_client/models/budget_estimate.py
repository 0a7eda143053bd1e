from enum import StrEnum


class BudgetEstimate(StrEnum):
    DEFAULT = "default"
    MEDIAN = "median"

    def __str__(self) -> str:
        return str(self.value)
