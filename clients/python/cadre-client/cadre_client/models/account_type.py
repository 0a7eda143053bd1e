from enum import StrEnum


class AccountType(StrEnum):
    EXPERT = "expert"
    LAB = "lab"
    VENDOR = "vendor"

    def __str__(self) -> str:
        return str(self.value)
