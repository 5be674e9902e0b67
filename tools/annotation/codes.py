"""The codes an annotation may use: PLOVER types and modes, CAMEO codes, actor countries, sectors."""
import csv
import os

from corpus import PROJECT

PLOVER_TYPES = ('AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN '
                'PROTEST SANCTION MOBILIZE COERCE ASSAULT').split()

# Modes of the PLOVER structured codebook (2021); '' is "no mode".
PLOVER_MODES = {
    'CONSULT': {'visit', 'third-party', 'multilateral', 'phone'},
    'RETREAT': {'withdraw', 'release', 'return', 'disarm', 'ceasefire', 'access', 'resign'},
    'REQUEST': {'assist', 'change', 'yield', 'meet'},
    'ACCUSE': {'disapprove', 'investigate', 'allege'},
    'REJECT': {'assist', 'change', 'yield', 'meet'},
    'THREATEN': {'restrict', 'ban', 'arrest', 'relations', 'rights', 'expel', 'territory', 'violence'},
    'PROTEST': {'demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct'},
    'SANCTION': {'convict', 'expel', 'withdraw', 'discontinue'},
    'MOBILIZE': {'troops', 'weapons', 'police', 'militia'},
    'COERCE': {'seize', 'restrict', 'ban', 'censor', 'curfew', 'arrest', 'deport', 'withhold',
               'misinformation', 'cyber', 'martial-law'},
    'ASSAULT': {'abduct', 'beat', 'torture', 'execute', 'sexual', 'assassinate', 'destroy', 'primitive',
                'firearms', 'explosives', 'suicide-attack', 'aerial', 'drone', 'heavy-weapons',
                'crowd-control', 'cleansing', 'massacre', 'unconventional'},
}

SECTORS = set('GOV MIL LEG JUD COP REB OPP PTY SPY JRN CVL BUS REL EDU MED REF LAB UAF INS HLH ELI AGR ENV '
              'CRM SEP'.split())

# Country-level codes beyond ISO 3166 alpha-3 (../shared/eval/ANNOTATION.md).
SPECIAL_COUNTRIES = {'UNO', 'EUR', 'IGO', 'NGO', 'MNC', 'ISM', 'KOS'}

MODALITIES = ('asserted', 'planned', 'conditional', 'hypothetical', 'requested', 'threatened', 'denied',
              'possible')

ROLES = ('actor', 'recipient')


def _data(*parts):
    return os.path.join(PROJECT, 'data', *parts)


def _tsv_rows(path):
    with open(path, encoding='utf-8') as f:
        lines = [line for line in f if not line.startswith('#') and line.strip()]
    return list(csv.DictReader(lines, delimiter='\t', quoting=csv.QUOTE_NONE))


_cameo = None
_countries = None


def cameo():
    """{cameo code: (plover type, mode, description)}."""
    global _cameo
    if _cameo is None:
        _cameo = {r['cameo']: (r['plover'], r['mode'], r['description'])
                  for r in _tsv_rows(_data('codebook', 'cameo_plover.tsv'))}
    return _cameo


def countries():
    global _countries
    if _countries is None:
        _countries = {r['code'] for r in _tsv_rows(_data('lexicons', 'countries.tsv'))} | SPECIAL_COUNTRIES
    return _countries
