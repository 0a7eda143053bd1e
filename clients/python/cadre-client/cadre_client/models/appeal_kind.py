from enum import StrEnum


class AppealKind(StrEnum):
    GOLD_ANSWER = "gold_answer"
    SANCTION = "sanction"

    def __str__(self) -> str:
        return str(self.value)
