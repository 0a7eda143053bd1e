from enum import StrEnum


class CredentialDecision(StrEnum):
    REJECT = "reject"
    VERIFY = "verify"

    def __str__(self) -> str:
        return str(self.value)
