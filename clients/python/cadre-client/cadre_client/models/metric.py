from enum import StrEnum


class Metric(StrEnum):
    ADJUDICATED_AGREEMENT = "adjudicated_agreement"
    CALIBRATION = "calibration"
    CO_ANNOTATOR_AGREEMENT = "co_annotator_agreement"
    DECLINE_RATE = "decline_rate"
    GOLD_ACCURACY = "gold_accuracy"
    INFORMATIVENESS = "informativeness"

    def __str__(self) -> str:
        return str(self.value)
