from enum import StrEnum


class VettingStatus(StrEnum):
    APPLIED = "applied"
    APPROVED = "approved"
    ASSESSMENT = "assessment"
    CREDENTIAL_REVIEW = "credential_review"
    OFFBOARDED = "offboarded"
    REJECTED = "rejected"
    SCREENING = "screening"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
