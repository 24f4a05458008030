import pytest

from kiosk.config import DEFAULT_CONFIG_PATH, ConfigError, describe_options, load_config


def write(tmp_path, text):
    p = tmp_path / "device.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_defaults_load_and_device_file_overrides(tmp_path):
    cfg = load_config(write(tmp_path, '[ui]\ndefault_language = "sv"\nresolution = "1280x800"\n'))
    assert cfg.ui.default_language == "sv"
    assert cfg.window_size == (1280, 800)
    assert cfg.ui.idle_timeout_s == 90  # from config/default.toml


def test_relative_data_dir_is_relative_to_the_file_that_set_it(tmp_path):
    cfg = load_config(write(tmp_path, '[device]\ndata_dir = "state"\n'))
    assert cfg.data_dir == (tmp_path / "state").resolve()


@pytest.mark.parametrize("text, expected", [
    ('[ui]\nidle_timout_s = 30\n', ["device.toml", "unknown key ui.idle_timout_s", "idle_timeout_s"]),
    ('[uii]\nx = 1\n', ["device.toml", "unknown section [uii]"]),
    ('[ui]\nidle_timeout_s = "ninety"\n', ["device.toml", "ui.idle_timeout_s", "'ninety'", "a whole number"]),
    ('[ui]\nidle_timeout_s = 5\n', ["ui.idle_timeout_s = 5", "from 20 to 3600"]),
    ('[ui]\nfullscreen = "yes"\n', ["ui.fullscreen", "true or false"]),
    ('[ui]\ndefault_language = "de"\n', ["ui.default_language = 'de'", "one of 'fi', 'sv', 'en'"]),
    ('[ui]\nlanguages = ["fi", "xx"]\n', ["ui.languages", "items from fi, sv, en"]),
    ('[ui]\nlanguages = ["fi"]\ndefault_language = "sv"\n', ["ui.default_language = 'sv'", "ui.languages"]),
    ('[ui]\nresolution = "800x600"\n', ["ui.resolution", "'1920x1080'"]),
    ('[backend]\nurl = "ftp://x"\n', ["backend.url", "https://"]),
    ('[ui]\nidle_warning_s = 100\nidle_timeout_s = 60\n', ["ui.idle_warning_s = 100", "less than ui.idle_timeout_s"]),
    ('[ui\n', ["device.toml", "not valid TOML"]),
])
def test_bad_config_stops_with_a_message_naming_file_key_value_and_expectation(tmp_path, text, expected):
    with pytest.raises(ConfigError) as exc:
        load_config(write(tmp_path, text))
    for part in expected:
        assert part in str(exc.value)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ConfigError, match="nope.toml: file not found"):
        load_config(tmp_path / "nope.toml")


def test_every_option_has_a_default_and_is_documented():
    text = DEFAULT_CONFIG_PATH.read_text(encoding="utf-8")
    docs = (DEFAULT_CONFIG_PATH.parent.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    for key, _type, _doc in describe_options():
        assert key.split(".")[1] + " =" in text, key
        assert f"`{key}`" in docs, f"{key} is not in docs/configuration.md"


def test_queue_section(tmp_path):
    cfg = load_config(write(tmp_path, '[queue]\nlines = ["nurse-walkin"]\nprinter = "tcp://10.0.0.5:9100"\n'))
    assert cfg.queue.lines == ("nurse-walkin",) and cfg.queue.default_service_min == 10.0
    assert load_config().queue.lines == () and load_config().queue.printer == ""
    with pytest.raises(ConfigError, match="queue.default_service_min = 0 is not valid"):
        load_config(write(tmp_path, '[queue]\ndefault_service_min = 0\n'))
    with pytest.raises(ConfigError, match="queue.lines"):
        load_config(write(tmp_path, '[queue]\nlines = "nurse"\n'))


@pytest.mark.parametrize("text, expected", [
    ('[backend]\ntimeout_s = nan\n',
     ["device.toml: backend.timeout_s = nan is not valid", "a finite number from 0.5 to 120"]),
    ('[backend]\ntimeout_s = inf\n', ["backend.timeout_s = inf is not valid", "a finite number"]),
    ('[queue]\ndefault_service_min = -nan\n', ["queue.default_service_min = nan", "a finite number from 1 to 120"]),
    ('[feedback]\nrepeat_interval_s = nan\n', ["feedback.repeat_interval_s = nan", "a finite number from 0 to 60"]),
    ('[device]\nname = "kiosk\\u0000one"\n',
     ["device.name = 'kiosk\\x00one'", "without control characters (found U+0000)"]),
    ('[queue]\nrooms = ["1", "2\\u001b[31m"]\n', ["queue.rooms", "found U+001B"]),
    ('[backend]\nurl = "https://"\n', ["backend.url = 'https://' is not valid", "a host"]),
    ('[backend]\nurl = "https://kiosk-api.example.fi:99999"\n', ["backend.url", "a host and at most a port"]),
    ('[queue]\nprinter = "tcp://10.0.0.5"\n', ["queue.printer = 'tcp://10.0.0.5' is not valid", "tcp://host:port"]),
])
def test_values_that_look_like_their_type_but_are_not_usable_are_refused(tmp_path, text, expected):
    with pytest.raises(ConfigError) as exc:
        load_config(write(tmp_path, text))
    assert "\n" not in str(exc.value)
    for part in expected:
        assert part in str(exc.value), str(exc.value)


def test_a_config_file_that_is_not_utf8_is_named(tmp_path):
    p = tmp_path / "device.toml"
    p.write_bytes('[device]\nname = "Kontulan kirjasto, 1. kerros, käytävä"\n'.encode("latin-1"))
    with pytest.raises(ConfigError) as exc:
        load_config(p)
    assert str(exc.value).startswith(f"{p}: not UTF-8 text (byte ")
    assert "save the file as UTF-8" in str(exc.value)


def test_a_config_path_that_is_a_directory_is_named(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_config(tmp_path)


def test_data_dir_must_be_a_directory_the_kiosk_can_use(tmp_path):
    a_file = tmp_path / "kiosk.db"
    a_file.write_bytes(b"")
    with pytest.raises(ConfigError) as exc:
        load_config(write(tmp_path, f'[device]\ndata_dir = "{a_file.as_posix()}"\n'))
    assert f"device.toml: device.data_dir = '{a_file.as_posix()}' is not valid: {a_file} is a file" in str(exc.value)
    with pytest.raises(ConfigError, match="is a file, so no directory can be made"):
        load_config(write(tmp_path, '[device]\ndata_dir = "kiosk.db/state"\n'))
    cfg = load_config(write(tmp_path, '[device]\ndata_dir = "not-yet/made"\n'))  # made at start-up
    assert cfg.data_dir == tmp_path / "not-yet" / "made"


def test_a_printer_path_that_is_a_directory_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="queue.printer .* it is a directory"):
        load_config(write(tmp_path, f'[queue]\nprinter = "{tmp_path.as_posix()}"\n'))
