from enum import StrEnum


class MeResponseType0Kind(StrEnum):
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
