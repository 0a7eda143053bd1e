from enum import StrEnum


class ExportResultsFormat(StrEnum):
    DPO = "dpo"
    JSONL = "jsonl"

    def __str__(self) -> str:
        return str(self.value)
