from enum import StrEnum


class EvidenceKind(StrEnum):
    EMAIL_DOMAIN_VERIFIED = "email_domain_verified"
    FILE = "file"

    def __str__(self) -> str:
        return str(self.value)
