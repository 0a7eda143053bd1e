from enum import StrEnum


class WorkRole(StrEnum):
    ADJUDICATOR = "adjudicator"
    ANNOTATOR = "annotator"

    def __str__(self) -> str:
        return str(self.value)
