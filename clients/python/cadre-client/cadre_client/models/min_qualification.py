from enum import StrEnum


class MinQualification(StrEnum):
    PROBATION = "probation"
    QUALIFIED = "qualified"

    def __str__(self) -> str:
        return str(self.value)
