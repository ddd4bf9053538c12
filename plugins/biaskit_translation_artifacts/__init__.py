"""biaskit plugin: signs that an English article was machine- or poorly translated.

The detectors target artifacts typical of Russian-to-English translation (fronted
adverbials with the speaker after the verb, dropped articles, literal prepositions, quote
punctuation copied from Russian typography); each finding is a span a reader can check.
"""

from __future__ import annotations

from biaskit import hookimpl
from biaskit_translation_artifacts.scorer import TranslationArtifactsScorer

__all__ = ["TranslationArtifactsScorer", "biaskit_hook_version", "biaskit_scorers"]

biaskit_hook_version = "1.0"


@hookimpl
def biaskit_scorers() -> list[TranslationArtifactsScorer]:
    return [TranslationArtifactsScorer()]
