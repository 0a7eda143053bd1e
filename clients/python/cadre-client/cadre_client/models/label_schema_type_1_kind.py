from enum import StrEnum


class LabelSchemaType1Kind(StrEnum):
    CATEGORICAL = "categorical"

    def __str__(self) -> str:
        return str(self.value)
