"""The evidence of claims C8-C10 (integration by groups, concentric circles, a long road to a union): what each
rule reads from notebook 07's headline files, the verdict (:mod:`transition.claims.rules`) and the sentences
that cite the numbers."""
from __future__ import annotations

import math

from transition.claims import rules
from transition.claims.judgement import Headlines, Judgement, _f, _i, _state
from transition.claims.rules import (
    ALPHA,
    C2_LOSS_INDEX,
    C3_GOVERNANCE_SHARE,
    C9_REFORM_STEP,
    C10_SHORT_YEARS,
)
from transition.data import vocabulary
from transition.data.vocabulary import ESSAY_YEAR


def judge_c8(h: Headlines, as_of: str) -> Judgement:
    nb = "07_integration"
    when = "2002" if as_of == "essay" else "latest"
    blocs, largest = h.get(nb, f"n_blocs_cis_{when}"), h.get(nb, f"largest_subregional_bloc_{when}")
    return Judgement(rules.c8_verdict(blocs, largest), [
        f"{_i(blocs)} blocs active among the 12 CIS countries in {'2002' if as_of == 'essay' else 'the latest year'}; "
        f"the largest sub-regional bloc has {_i(largest)} members; "
        f"{_i(h.get(nb, f'n_overlapping_cis_{when}'))} countries belong to two or more",
    ])


def judge_c9(h: Headlines, as_of: str) -> Judgement:
    """C9. As of the essay: Russia's share of CIS GDP, Kazakhstan's of the Central Asian bloc's, and whether the
    EurAsEC members of 2002 were the better reformed (EBRD 2002). With the latest data, as a forecast: whether
    the members of the EAEU of 2015 were the better reformed before they moved (EBRD 2006, the last year)."""
    nb = "07_integration"
    if as_of == "essay":
        rus, kaz = h.get(nb, "rus_share_cis_2002_pct"), h.get(nb, "kaz_share_caco_2002_pct")
        kaz_text = (f"Kazakhstan {_f(kaz)}% of Central Asian Cooperation Organization GDP (2002; "
                    f"{_f(h.get(nb, 'kaz_share_caco_2002_pct_ppp_pwt'))}% at PPP, PWT)")
        key = f"ebrd_average_{ESSAY_YEAR}_difference_eurasec_vs_cis_outside_{ESSAY_YEAR}"
        lead_text = (f"median EBRD average in {ESSAY_YEAR}: EurAsEC members {_f(h.get(nb, f'ebrd_average_{ESSAY_YEAR}_median_eurasec_{ESSAY_YEAR}'), 2)}, "
                     f"other CIS {_f(h.get(nb, f'ebrd_average_{ESSAY_YEAR}_median_cis_outside_eurasec_{ESSAY_YEAR}'), 2)}")
    else:
        rus, kaz = h.get(nb, "rus_share_eaeu_latest_pct"), math.nan  # no Central Asian bloc exists any more
        kaz_text = (f"no Central Asian bloc remains (CACO merged into EurAsEC); Kazakhstan has "
                    f"{_f(h.get(nb, 'kaz_share_eaeu_latest_pct'))}% of EAEU GDP")
        year = vocabulary.EBRD_LAST_YEAR
        key = f"ebrd_average_{year}_difference_eaeu_2015_vs_cis_outside"
        lead_text = (f"as a forecast, CIS states between EurAsEC {ESSAY_YEAR} and the EAEU of 2015: moved toward the core "
                     f"{_i(h.get(nb, 'cis_moved_toward_eaeu_2015'))}, moved away {_i(h.get(nb, 'cis_moved_away_eaeu_2015'))}, "
                     f"stayed in {_i(h.get(nb, 'cis_stayed_in_eaeu_2015'))}, stayed out {_i(h.get(nb, 'cis_stayed_out_eaeu_2015'))}; "
                     f"in {year}, before the moves, the later members led the others by {_f(h.get(nb, key), 2)} EBRD points "
                     f"(EBRD data end in {year})")
    estimate = (h.get(nb, f"ebrd_average_{ESSAY_YEAR}_median_eurasec_{ESSAY_YEAR}")
                - h.get(nb, f"ebrd_average_{ESSAY_YEAR}_median_cis_outside_eurasec_{ESSAY_YEAR}")) if as_of == "essay" else h.get(nb, key)
    lead = rules.c9_reform_lead(estimate, h.get(nb, f"{key}_low"), h.get(nb, f"{key}_high"))
    verdict = rules.c9_verdict(rus, None if math.isnan(kaz) else kaz, lead)
    return Judgement(verdict, [
        f"Russia {_f(rus)}% of {'CIS' if as_of == 'essay' else 'EAEU'} GDP; {kaz_text}",
        lead_text + f" (90% interval [{_f(h.get(nb, f'{key}_low'), 2)}, {_f(h.get(nb, f'{key}_high'), 2)}], "
                    f"one EBRD step = {_f(C9_REFORM_STEP, 2)}; groups this small detect only a difference of about "
                    f"{_f(h.get(nb, key.replace('_difference_', '_mde_')), 2)} with 80% power)",
        _state(lead, "membership tracks reform", "membership does not track reform",
               "the data cannot tell whether membership tracks reform: the interval spans one EBRD step"),
    ])


def judge_c10(h: Headlines, as_of: str) -> Judgement:
    """"Building a Eurasian union will take long" on the median years from agreement to working union
    (:func:`transition.claims.rules.c10_verdict`). Agreements still open at the as-of date count with the
    time waited so far, so the median is then a lower bound: "too early" says which verdicts it already
    excludes. The recommendation (study the EU) is not a statement of fact."""
    nb, when = "07_integration", str(ESSAY_YEAR) if as_of == "essay" else "latest"
    median, steps = h.get(nb, f"eurasian_union_median_years_{when}"), h.get(nb, f"eurasian_union_steps_{when}")
    done, eu = h.get(nb, f"eurasian_union_completed_{when}"), h.get(nb, "eu_step_median_years")
    verdict = rules.c10_verdict(median, steps, done)
    waiting = ([f"agreements not yet working count with the years waited so far (longest "
                f"{_f(h.get(nb, f'eurasian_union_longest_open_years_{when}'))})"] if done < steps else [])
    if verdict == rules.TOO_EARLY:
        excluded = "contradicted and mixed are excluded" if median >= C10_SHORT_YEARS else "no verdict is excluded yet"
        waiting.insert(0, f"too early: the median is at least {_f(median)} years and still growing; {excluded}")
    return Judgement(verdict, [
        f"median years from a Eurasian agreement to a working union: {_f(median)} ({_i(done)} of {_i(steps)} "
        f"agreements working by {ESSAY_YEAR if as_of == 'essay' else 'now'})",
        *waiting,
        f"the EU's steps (Treaty of Rome to customs union, Single European Act to single market, Maastricht to euro): "
        f"median {_f(eu)} years",
        "the recommendation (study the EU's experience) is not a statement of fact: not testable",
    ])
