from enum import StrEnum


class LabelSchemaType2Kind(StrEnum):
    ORDINAL = "ordinal"

    def __str__(self) -> str:
        return str(self.value)
