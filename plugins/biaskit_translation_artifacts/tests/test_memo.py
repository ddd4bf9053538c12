from biaskit_translation_artifacts.memo import BoundedMemo


def test_memo_answers_every_key_and_keeps_only_up_to_its_bound() -> None:
    calls: list[str] = []

    def length(key: str) -> int:
        calls.append(key)
        return len(key)

    memo = BoundedMemo(length, bound=2, known={"": 0})
    assert [memo[k] for k in ["a", "bb", "a", "ccc", "ccc"]] == [1, 2, 1, 3, 3]
    assert dict(memo) == {"": 0, "a": 1}  # full at two keys: "bb" and "ccc" are not kept
    assert calls == ["a", "bb", "ccc", "ccc"]
