"""The backend's pydantic request and response models, built from the shapes declared
once in sync/protocol.py (the kiosk checks the same shapes without pydantic), so the
requests and answers, the kiosk's checks and the OpenAPI document cannot drift apart
(issue 13)."""

from typing import Any, Union

from pydantic import BaseModel, ConfigDict, Field, create_model

from sync import protocol
from sync.protocol import Shape

_TYPES = {str: str, int: int, float: float, bool: bool, dict: dict[str, Any]}
_MODELS: dict[str, type[BaseModel]] = {}  # one class per shape, also when nested in another


def _field_type(shape: Shape, key: str, tp: type) -> Any:
    if tp is list:
        return list[model_of(shape.each[key])]
    if tp is dict and key in shape.values:
        allowed = tuple(list[str] if v is list else v for v in shape.values[key])
        return dict[str, Union[allowed]]  # noqa: UP007 - a Union built from a tuple
    return _TYPES[tp]


def _field(shape: Shape, key: str, default: Any) -> Any:
    limit = shape.limits.get(key) or protocol.Limit()
    bounds = {name: value for name, value in (("min_length", limit.min_length), ("max_length", limit.max_length),
                                              ("pattern", limit.pattern), ("ge", limit.ge)) if value is not None}
    return Field(default, description=shape.notes.get(key), **bounds)


def model_of(shape: Shape) -> type[BaseModel]:
    if shape.model in _MODELS:
        return _MODELS[shape.model]
    fields: dict[str, Any] = {}
    for key, tp in shape.required.items():
        fields[key] = (_field_type(shape, key, tp), _field(shape, key, ...))
    for key, tp in shape.optional.items():
        if key in shape.defaults:  # may be left out, never null
            fields[key] = (_field_type(shape, key, tp), _field(shape, key, shape.defaults[key]))
        else:
            fields[key] = (_field_type(shape, key, tp) | None, _field(shape, key, None))
    config = ConfigDict(extra="forbid") if shape.closed else None
    _MODELS[shape.model] = model = create_model(shape.model, __config__=config, **fields)
    return model


# Requests.
EnrolRequest = model_of(protocol.ENROL_REQUEST)
PushItem = model_of(protocol.PUSH_ITEM)
PushRequest = model_of(protocol.PUSH_REQUEST)
Heartbeat = model_of(protocol.HEARTBEAT_REQUEST)
# Answers.
EnrolAnswer = model_of(protocol.ENROL_ANSWER)
ItemResult = model_of(protocol.ITEM_RESULT)
PushAnswer = model_of(protocol.PUSH_ANSWER)
HeartbeatAnswer = model_of(protocol.HEARTBEAT_ANSWER)
CatalogueChange = model_of(protocol.CATALOGUE_CHANGE)
CataloguePage = model_of(protocol.CATALOGUE_PAGE)
SiteBooking = model_of(protocol.SITE_BOOKING)
SiteBookings = model_of(protocol.SITE_BOOKINGS)
