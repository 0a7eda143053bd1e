from enum import StrEnum


class CredentialKind(StrEnum):
    CERTIFICATION = "certification"
    DEGREE = "degree"
    EMPLOYMENT = "employment"
    LICENCE = "licence"
    PUBLICATION = "publication"

    def __str__(self) -> str:
        return str(self.value)
