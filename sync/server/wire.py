"""The backend's pydantic response models, built from the shapes declared once in
sync/protocol.py (the kiosk checks the same shapes without pydantic), so the answers,
the kiosk's checks and the OpenAPI document cannot drift apart (issue 13)."""

from typing import Any

from pydantic import BaseModel, Field, create_model

from sync import protocol
from sync.protocol import Shape

_TYPES = {str: str, int: int, bool: bool, dict: dict[str, Any]}
_MODELS: dict[str, type[BaseModel]] = {}  # one class per shape, also when nested in another


def model_of(shape: Shape) -> type[BaseModel]:
    if shape.model in _MODELS:
        return _MODELS[shape.model]
    fields: dict[str, Any] = {}
    for key, tp in shape.required.items():
        kind = list[model_of(shape.each[key])] if tp is list else _TYPES[tp]
        fields[key] = (kind, Field(description=shape.notes[key]) if key in shape.notes else ...)
    for key, tp in shape.optional.items():
        fields[key] = (_TYPES[tp] | None, Field(None, description=shape.notes.get(key)))
    _MODELS[shape.model] = model = create_model(shape.model, **fields)
    return model


EnrolAnswer = model_of(protocol.ENROL_ANSWER)
ItemResult = model_of(protocol.ITEM_RESULT)
PushAnswer = model_of(protocol.PUSH_ANSWER)
HeartbeatAnswer = model_of(protocol.HEARTBEAT_ANSWER)
CatalogueChange = model_of(protocol.CATALOGUE_CHANGE)
CataloguePage = model_of(protocol.CATALOGUE_PAGE)
