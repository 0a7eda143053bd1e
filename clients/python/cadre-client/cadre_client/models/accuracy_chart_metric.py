from enum import StrEnum


class AccuracyChartMetric(StrEnum):
    CALIBRATION = "calibration"
    GOLD_ACCURACY = "gold_accuracy"

    def __str__(self) -> str:
        return str(self.value)
