import numpy as np
import pytest

from herald.checks import AllowedContacts, Context, Councillor, Draft, check

REGISTER = (
    Councillor("Stuart Bray", "Liberal Democrat", "Burbage"),
    Councillor("Amanda Wright", "Conservative", "Barwell"),
)
COUNCIL_CONTACTS = AllowedContacts(
    phones=("01455 238141",),
    email_domains=("hinckley-bosworth.gov.uk",),
    addresses=("Hinckley Hub, Rugby Road, Hinckley, Leicestershire LE10 0FR",),
)


def official(**kwargs):
    return Context(account="official", role="editor", councillors=REGISTER, allowed_contacts=COUNCIL_CONTACTS, **kwargs)


def personal(**kwargs):
    kwargs.setdefault("role", "employee")
    return Context(account="personal", councillors=REGISTER, allowed_contacts=COUNCIL_CONTACTS, **kwargs)


def findings(text, context=None, *, platform="facebook", media=(), kind="post"):
    return check(Draft(text=text, platform=platform, media=media, kind=kind), context or official()).findings


def rules_found(text, context=None, **kwargs):
    return {f.rule for f in findings(text, context, **kwargs)}


def offensive_rules(text):
    """The offensive rules that fire on an incoming comment to an official account."""
    return {
        f.rule
        for f in check(Draft(text=text, kind="comment"), Context(account="official")).findings
        if f.category == "offensive"
    }


def severity_of(rule, text, context=None, **kwargs):
    matches = [f.severity for f in findings(text, context, **kwargs) if f.rule == rule]
    return matches[0] if matches else None


def political(text, context=None):
    """The political findings, as (rule, severity), on an official post in a pre-election period unless
    `context` says otherwise."""
    context = context or official(pre_election=True)
    return {(f.rule, f.severity) for f in findings(text, context) if f.category == "political"}


def blocked_or_warned(text, context=None):
    """The political findings that block or warn (advice left out)."""
    return {(rule, severity) for rule, severity in political(text, context) if severity in ("block", "warn")}


def linear_model_arrays(module):
    """The arrays a linear model (`party_model`, `abuse_model`) ships as, read with numpy alone."""
    with np.load(module.DATA, allow_pickle=False) as data:
        return data["vocabulary"], data["idf"], data["coef"], float(data["intercept"])


def largest_gap_from_scikit_learn(module, texts):
    """How far the module's plain-Python score strays from scikit-learn's on the same saved arrays, over
    `texts` (the tests want it under 1e-9). Skips where scikit-learn is not installed."""
    sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
    vocabulary, idf, coef, intercept = linear_model_arrays(module)
    vectorizer = sklearn_text.TfidfVectorizer(
        analyzer=module.features, vocabulary={t: i for i, t in enumerate(vocabulary)}, binary=True
    )
    vectorizer.idf_ = idf
    expected = 1 / (1 + np.exp(-(vectorizer.transform(texts) @ coef + intercept)))
    model = module.model()
    assert model is not None
    return max(abs(model.score(t) - e) for t, e in zip(texts, expected, strict=True))
