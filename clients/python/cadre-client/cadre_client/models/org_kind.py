from enum import StrEnum


class OrgKind(StrEnum):
    LAB = "lab"
    VENDOR = "vendor"

    def __str__(self) -> str:
        return str(self.value)
