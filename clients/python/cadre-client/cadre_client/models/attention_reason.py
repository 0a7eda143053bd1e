from enum import StrEnum


class AttentionReason(StrEnum):
    DISAGREEMENT = "disagreement"
    WAITING_FOR_ADJUDICATOR = "waiting_for_adjudicator"
    WAITING_FOR_EXPERTS = "waiting_for_experts"

    def __str__(self) -> str:
        return str(self.value)
