from enum import StrEnum


class LabelSchemaType0Kind(StrEnum):
    PAIRWISE = "pairwise"

    def __str__(self) -> str:
        return str(self.value)
