from enum import StrEnum


class CredentialStatus(StrEnum):
    EXPIRED = "expired"
    PENDING = "pending"
    REJECTED = "rejected"
    REVOKED = "revoked"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)
