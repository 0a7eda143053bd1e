from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.anonymous_judgment_label import AnonymousJudgmentLabel


T = TypeVar("T", bound="AnonymousJudgment")


@_attrs_define
class AnonymousJudgment:
    """Another expert's judgment, without who gave it (adjudicators only).

    Attributes:
        label (AnonymousJudgmentLabel):
        name (str): "Judgment 1", "Judgment 2", …
    """

    label: AnonymousJudgmentLabel
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        label = self.label.to_dict()

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "label": label,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.anonymous_judgment_label import AnonymousJudgmentLabel  # noqa: PLC0415

        d = dict(src_dict)
        label = AnonymousJudgmentLabel.from_dict(d.pop("label"))

        name = d.pop("name")

        anonymous_judgment = cls(
            label=label,
            name=name,
        )

        anonymous_judgment.additional_properties = d
        return anonymous_judgment

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
