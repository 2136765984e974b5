from __future__ import annotations

import pytest

from khabar.config import DEFAULT_STEPS, Config, RunConfig
from khabar.errors import ConfigError


def only_run(**kw):
    return Config.load(only=["run"], env={}, **kw)


def test_defaults():
    cfg = only_run()
    assert cfg.run == RunConfig()
    assert cfg.run.steps == DEFAULT_STEPS


def test_precedence_file_env_overrides(tmp_path):
    f = tmp_path / "k.toml"
    f.write_text('[run]\njobs = 3\nkeep_raw = false\nshard_bytes = 10\n', encoding="utf-8")
    cfg = Config.load(f, env={"KHABAR_RUN__JOBS": "5", "KHABAR_RUN__SHARD_BYTES": "20"},
                      overrides=["run.shard_bytes=30"], only=["run"])
    assert cfg.run.jobs == 5          # env beats file
    assert cfg.run.keep_raw is False  # file beats default
    assert cfg.run.shard_bytes == 30  # --set beats env


@pytest.mark.parametrize("value, expected", [("true", True), ("0", False), ("no", False), ("ON", True)])
def test_bool_coercion(value, expected):
    assert only_run(overrides=[f"run.keep_raw={value}"]).run.keep_raw is expected


def test_tuple_coercion():
    assert only_run(overrides=["run.steps=fix,quality"]).run.steps == ("fix", "quality")


@pytest.mark.parametrize("override, message", [
    ("run.nope=1", "unknown key 'nope' in section [run]; valid keys: steps, jobs"),
    ("nosuch.key=1", "unknown config section [nosuch]; valid sections: run, read"),
    ("run.jobs=many", "run.jobs: 'many' is not a number (int)"),
    ("run.keep_raw=maybe", "run.keep_raw: 'maybe' is not a boolean"),
    ("jobs=3", "write it as section.key=value"),
])
def test_errors_say_what_and_how(override, message):
    with pytest.raises(ConfigError) as e:
        only_run(overrides=[override])
    assert message in str(e.value)


def test_bad_toml_file(tmp_path):
    f = tmp_path / "bad.toml"
    f.write_text("[run\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Config.load(f, env={}, only=["run"])
    with pytest.raises(ConfigError, match="does not exist"):
        Config.load(tmp_path / "missing.toml", env={}, only=["run"])


def test_toml_round_trip(tmp_path):
    cfg = only_run(overrides=["run.jobs=2", "run.steps=fix"])
    f = tmp_path / "again.toml"
    f.write_text(cfg.to_toml(), encoding="utf-8")
    assert Config.load(f, env={}, only=["run"]) == cfg


def test_full_default_config_resolves():
    """Every section's dataclass exists and has usable defaults (what `khabar config show` prints)."""
    cfg = Config.load(env={})
    text = cfg.to_toml()
    for section in ("run", "read", "extract", "boilerplate", "fix", "langid", "sitelines",
                    "quality", "dedup"):
        assert f"[{section}]" in text


def test_config_survives_pickling():
    """Workers receive the config pickled; a __getattr__ that recursed once hung every -j 2 run."""
    import pickle

    cfg = Config.load(overrides=["run.jobs=2"], env={})
    again = pickle.loads(pickle.dumps(cfg))
    assert again == cfg and again.run.jobs == 2


@pytest.mark.parametrize(("setting", "input_bytes", "expected"), [
    (0, 0, 16),                 # automatic: at least 16 buckets
    (0, 2 * 2**30 * 16, 16),    # 32 GiB of input: 16 buckets of 2 GiB
    (0, 2 * 2**30 * 16 + 1, 17),  # a byte more needs one more bucket
    (0, 300 * 2**30, 150),      # a FineWeb-2-sized Persian crawl
    (7, 300 * 2**30, 7),        # a setting wins
])
def test_reduce_buckets(setting: int, input_bytes: int, expected: int) -> None:
    cfg = only_run(overrides=[f"run.reduce_buckets={setting}"])
    assert cfg.run.buckets_for(input_bytes) == expected


def test_reduce_buckets_negative_is_refused() -> None:
    with pytest.raises(ConfigError, match="reduce_buckets"):
        only_run(overrides=["run.reduce_buckets=-1"])
