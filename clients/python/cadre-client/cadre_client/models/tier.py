from enum import StrEnum


class Tier(StrEnum):
    ADJUDICATOR = "adjudicator"
    ANNOTATOR = "annotator"
    SENIOR = "senior"

    def __str__(self) -> str:
        return str(self.value)
