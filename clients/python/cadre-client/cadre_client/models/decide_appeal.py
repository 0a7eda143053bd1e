from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.appeal_decision import AppealDecision
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.decide_appeal_corrected_answer_type_0 import DecideAppealCorrectedAnswerType0


T = TypeVar("T", bound="DecideAppeal")


@_attrs_define
class DecideAppeal:
    """
    Attributes:
        decision (AppealDecision):
        reason (str): Shown to the expert (1–2000 characters).
        corrected_answer (DecideAppealCorrectedAnswerType0 | None | Unset): Overturning a gold answer: the corrected
            answer (a label valid for the slice);
            default: the appealing expert's answer.
    """

    decision: AppealDecision
    reason: str
    corrected_answer: DecideAppealCorrectedAnswerType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.decide_appeal_corrected_answer_type_0 import DecideAppealCorrectedAnswerType0  # noqa: PLC0415

        decision = self.decision.value

        reason = self.reason

        corrected_answer: dict[str, Any] | None | Unset
        if isinstance(self.corrected_answer, Unset):
            corrected_answer = UNSET
        elif isinstance(self.corrected_answer, DecideAppealCorrectedAnswerType0):
            corrected_answer = self.corrected_answer.to_dict()
        else:
            corrected_answer = self.corrected_answer

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
                "reason": reason,
            }
        )
        if corrected_answer is not UNSET:
            field_dict["corrected_answer"] = corrected_answer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decide_appeal_corrected_answer_type_0 import DecideAppealCorrectedAnswerType0  # noqa: PLC0415

        d = dict(src_dict)
        decision = AppealDecision(d.pop("decision"))

        reason = d.pop("reason")

        def _parse_corrected_answer(data: object) -> DecideAppealCorrectedAnswerType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                corrected_answer_type_0 = DecideAppealCorrectedAnswerType0.from_dict(data)

                return corrected_answer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DecideAppealCorrectedAnswerType0 | None | Unset, data)

        corrected_answer = _parse_corrected_answer(d.pop("corrected_answer", UNSET))

        decide_appeal = cls(
            decision=decision,
            reason=reason,
            corrected_answer=corrected_answer,
        )

        return decide_appeal
