"""Cases from GNU PSPP's own regression tests (``tests/language/stats/*.at``, tag v1.6.2).

Data only. Each case records where it comes from (file, approximate line, the test's
``AT_SETUP`` title), the PSPP syntax it ran, its data, and the numbers PSPP's expected
output prints, kept as strings so that the printed precision is known. ``None`` is a
system-missing value (``.`` in PSPP's data). Weighted cases keep their weight column as
PSPP had it; the tests expand them to one row per case (integer weights only).

Sign conventions: PSPP's ``/WILCOXON a WITH b`` and ``T-TEST /PAIRS a WITH b`` work on
``a - b``; laktasi works on ``post - pre``. The expected strings below are PSPP's, unchanged.

Source mirror: https://github.com/lemenkov/pspp (tag v1.6.2). The three ``.sav`` examples
(physiology, repairs) and ``tests/language/mann-whitney.txt`` were read from the same tag;
their values are written out here at full double precision.
"""

from __future__ import annotations

# 200 rows

_FISHER_SCHTYP = [
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 2, 1, 2,
    1, 2, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 1, 2, 1, 1, 1, 2, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1,
    1, 1, 1, 2, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 2,
    1, 1, 1, 1, 1, 2, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 2, 2, 1, 2, 2, 1, 2, 1, 1
]

_FISHER_FEMALE = [
    0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
]

_FISHER_SES = [
    1, 2, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 1, 1, 3, 2, 3, 2, 2, 2, 2, 3, 2, 2, 3, 2, 3, 1, 2, 3, 3, 2, 3,
    3, 2, 3, 1, 2, 2, 2, 2, 1, 3, 1, 3, 2, 2, 2, 2, 3, 2, 2, 2, 3, 1, 2, 2, 2, 2, 3, 1, 2, 3, 2, 2, 1, 1, 2,
    2, 3, 2, 2, 2, 1, 3, 3, 2, 3, 3, 1, 2, 1, 2, 3, 3, 3, 2, 3, 2, 1, 3, 1, 1, 1, 2, 3, 1, 3, 3, 3, 1, 3, 2,
    2, 3, 1, 1, 3, 2, 1, 3, 1, 3, 2, 3, 3, 1, 1, 1, 2, 2, 2, 1, 3, 2, 2, 3, 1, 2, 1, 2, 2, 1, 3, 2, 2, 2, 2,
    1, 3, 2, 2, 2, 3, 2, 2, 1, 1, 1, 3, 2, 2, 2, 2, 2, 2, 2, 3, 1, 2, 3, 1, 2, 1, 2, 1, 2, 1, 1, 2, 3, 3, 1,
    1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 1, 2, 2, 3, 1, 1, 3, 2, 3, 2, 2, 2, 2, 2, 3
]

# 100 values

_SAMPLE_X = [
    461.19, 466.38, 479.46, 480.1, 483.43, 488.3, 489.0, 491.62, 505.62, 511.3, 521.53, 526.7, 528.25,
    538.7, 540.22, 540.58, 546.1, 548.17, 553.99, 566.21, 575.9, 584.38, 593.4, 357.05, 359.73, 360.48,
    373.98, 374.13, 381.45, 383.72, 390.0, 400.34, 415.32, 415.91, 418.3, 421.03, 422.43, 426.93, 433.25,
    436.89, 445.33, 446.33, 446.55, 456.44, 689.49, 691.92, 695.0, 695.36, 698.21, 699.46, 706.61, 710.69,
    715.82, 715.82, 741.39, 752.27, 756.73, 757.74, 759.57, 796.07, 813.78, 817.25, 825.48, 831.28, 849.24,
    890.0, 894.78, 935.65, 935.9, 945.9, 1012.86, 1022.6, 1061.81, 1063.5, 1077.23, 1151.63, 1355.28,
    598.88, 606.91, 621.6, 624.8, 636.13, 637.38, 640.32, 649.35, 656.51, 662.55, 664.69, 106.22, 132.24,
    174.76, 204.85, 264.93, 264.99, 269.84, 325.12, 331.67, 337.26, 347.68, 354.91
]

# 174 rows

_KS_FOO = [
    65, 59, 43, 57, 68, 79, 51, 62, 57, 73, 58, 58, 68, 75, 47, 70, 59, 71, 52, 48, 58, 37, 39, 58, 43, 58,
    86, 63, 80, 70, 63, 53, 53, 48, 49, 51, 47, 81, 66, 78, 65, 69, 70, 63, 64, 39, 51, 68, 76, 53, 71, 47,
    87, 72, 48, 75, 51, 63, 61, 61, 66, 82, 81, 46, 52, 71, 73, 58, 57, 46, 58, 52, 71, 57, 78, 73, 50, 71,
    51, 51, 68, 84, 64, 66, 65, 52, 56, 70, 68, 66, 78, 65, 71, 53, 81, 53, 57, 64, 61, 43, 56, 37, 74, 66,
    81, 67, 80, 68, 76, 70, 80, 42, 74, 80, 70, 60, 39, 72, 69, 63, 72, 63, 49, 53, 43, 51, 63, 64, 65, 64,
    66, 55, 62, 58, 48, 67, 46, 36, 61, 55, 77, 74, 60, 70, 69, 57, 49, 63, 69, 63, 76, 53, 54, 42, 64, 66,
    61, 62, 73, 73, 60, 79, 40, 48, 76, 60, 76, 54, 69, 65, 69, 51, 54, 82
]

_KS_BAR = [
    12.5, 14.2, 12.6, None, None, None, None, None, None, None, None, None, None, None, None, None, None,
    None, None, 13.0, 14.1, 15.0, 13.1, 13.2, 14.5, 13.5, 14.0, 12.5, 12.8, None, None, None, None, None,
    None, None, None, None, None, None, None, None, 12.1, 12.5, 12.4, 13.8, 13.2, 14.0, 12.6, 12.1, 13.5,
    13.8, 14.1, 12.9, 12.1, 12.8, 13.4, 13.9, 12.5, 12.4, 12.8, 12.9, 13.6, None, None, None, None, None,
    None, None, None, 13.5, 13.2, 12.8, 14.1, 12.1, 12.6, None, None, None, None, None, None, None, None,
    None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None,
    None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None,
    None, None, None, None, 13.2, 13.8, 12.5, 12.6, 12.9, 13.0, 12.5, 12.0, None, None, None, None, None,
    None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None,
    None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None, None,
    None, None, None, None
]

# 231 rows

_MW_I002_01 = [
    7, 5, 5, 5, 7, 6, 7, 6, 7, 7, 7, 6, 6, 4, 5, 5, 6, 6, 7, 7, 7, 3, 5, 5, 6, 3, 6, 5, 5, 4, 3, 7, 5, 5, 6,
    6, 7, 7, 4, 3, 5, 3, 7, 7, 7, 5, 7, 7, 7, 3, 7, 5, 7, 5, 7, 6, 7, 3, 6, 7, 7, 6, 7, 4, 3, 6, 7, 7, 6, 5,
    3, 7, 6, 6, 7, 4, 4, 7, 3, 6, 5, 7, 5, 7, 4, 3, 7, 6, 6, 3, 2, 6, 2, 4, 6, 7, 4, 6, 5, 1, 7, 5, 7, 6, 6,
    4, 2, 5, 5, 7, 2, 6, 4, 7, 6, 7, 5, 5, 5, 5, 7, 3, 4, 6, 2, 7, 4, 7, 3, 6, 6, 7, 7, 4, 6, 6, 6, 6, 5, 6,
    4, 5, 3, 6, 7, 7, 4, 3, 7, 4, 6, 7, 7, 6, 5, 6, 6, 5, 3, 6, 4, 6, 7, 6, 7, 6, 6, 6, -1, 7, 7, 4, 5, 5,
    7, 7, 7, 7, 7, 4, 3, 1, 6, 4, 6, 5, 5, 6, 6, 3, 6, 1, 6, 7, 7, 4, 7, 6, 7, -1, 6, 5, 4, 4, 7, 6, 4, 7,
    6, 6, 6, 4, 2, 6, 6, 6, 4, 6, 6, 6, 6, 6, 5, 7, 7, 6, 5, 7, 6, 4, 2
]

_MW_I002_02 = [
    5, 3, 4, 5, 5, 4, 5, 5, 6, 4, 5, 5, 4, 3, 7, 4, 4, 4, 5, 5, 7, 5, 2, 5, 6, 5, 4, 3, 4, 3, 2, 3, 7, 4, 5,
    5, 5, 4, 3, 4, 3, 4, 5, 4, 6, 4, 5, 6, 5, 4, 6, 5, 4, 5, 6, 5, 6, 4, 6, 7, 2, 6, 6, 2, 5, 5, 4, 6, 4, 5,
    2, 5, 5, 6, 4, 2, 6, 4, 2, 7, 3, 5, 6, 6, 5, 5, 7, 5, 5, 3, 3, 6, 1, 2, 3, 5, 3, 4, 4, 2, 6, 3, 5, 5, 3,
    4, 1, 4, 6, 6, 5, 6, 5, 4, 7, 4, 3, 4, 4, 6, 5, 4, 6, 5, 4, 7, 6, 3, 5, 7, 6, 6, 6, 2, 6, 5, 3, 5, 1, 5,
    6, 6, 2, 6, 5, 4, 1, 4, 4, 3, 7, 5, 4, 4, 5, 5, 4, 4, 3, 5, 4, 4, 6, 5, 5, 6, 5, 5, 5, 4, 3, 5, 5, 4, 5,
    6, 5, 7, 6, 4, 2, 3, 4, 5, 5, 3, 4, 5, 3, 2, 3, 3, 4, 4, 6, 6, 5, 2, 5, -1, 5, 4, 6, 2, 6, 6, 3, 3, 7,
    3, 5, 6, 4, 6, 6, 5, 4, 5, 5, 5, 6, 2, 4, 7, 7, 4, 5, 5, 3, 2, 4
]

_MW_I002_03 = [
    7, 6, 7, 7, -1, 7, 7, -1, 7, 7, 7, 7, 6, 6, -1, 6, 7, 7, 6, 6, 3, 7, 2, 5, 6, 4, 6, 7, 7, 7, 7, 1, 7, 7,
    7, 7, 7, 6, 6, 5, 5, 5, 7, 4, 7, 7, 7, 7, 7, 6, 7, 6, 7, 7, 6, 6, 1, 5, 7, 7, 7, 7, 7, 7, 5, 7, -1, -1,
    7, 6, 4, 5, 7, 7, 7, 7, -1, 7, 7, -1, 6, -1, 6, 7, 7, 5, 7, -1, 6, 7, 6, 7, 3, 1, 7, 7, 5, 7, 6, 7, 7,
    7, 6, 6, 6, 6, -1, 7, 7, 7, 7, 6, -1, -1, 6, 7, 7, 6, 6, 6, 6, -1, -1, 7, -1, -1, -1, 7, 6, 7, 6, -1, 7,
    6, 6, -1, 5, 6, 5, 7, 7, -1, -1, -1, 6, 5, 1, 7, 7, 6, -1, 7, 6, 7, 7, 6, -1, 7, 4, 7, -1, 5, 7, 7, -1,
    -1, 7, 7, 7, 3, 7, 7, 2, 6, 6, 7, 7, 7, 7, 5, 5, 1, 7, -1, -1, 7, 7, -1, 7, 6, 7, 1, 7, 6, 7, -1, -1, 3,
    6, -1, 6, 7, 7, 4, -1, 6, 5, 7, -1, -1, 5, -1, 7, 7, -1, -1, 6, 7, -1, 6, 7, -1, 7, -1, 7, 7, -1, 7, 1,
    2, 6
]

_MW_I002_04 = [
    2, 2, 2, 3, 4, 2, 2, 3, 6, 1, 3, 3, 2, 2, 4, 2, 2, 2, 1, 2, 4, 4, 1, 5, 4, 2, 3, 2, 1, 2, 1, 2, 3, 3, 2,
    4, 4, 1, 1, 2, 1, 1, 4, 2, 6, 4, 3, 5, 4, 2, 5, 2, 6, 3, 3, 2, 3, 2, 3, 7, 1, 5, 2, 1, 1, 4, 3, 3, 2, 3,
    1, 3, 4, 3, 2, 4, 4, 2, 1, 3, 5, 3, 1, 2, 3, 2, 4, 4, 1, 1, 2, 2, 1, 1, 2, 3, 2, 2, 3, 1, 4, 2, 2, 3, 2,
    4, 1, 2, 3, 4, 3, 3, 2, 2, 1, 3, 2, 3, 2, 3, 2, 2, 2, 3, 1, 2, 3, 4, 1, 4, 2, 4, 4, 1, 2, 2, 3, 3, 2, 2,
    2, 5, 1, 3, 4, 1, 3, 1, 2, 1, 4, 4, 3, 2, 2, 4, 2, 2, 1, 4, 1, 3, 3, 2, 3, 4, 3, 3, 5, 3, 2, 2, 1, 3, 3,
    2, 4, 3, 4, 3, 1, 5, 2, 2, 4, 1, 2, 3, 2, 1, 2, 6, 2, 2, 1, 3, 3, 1, 3, -1, 3, 2, 4, 2, 3, 2, 1, 1, 3,
    2, 2, 3, 2, 6, 3, 2, 2, 4, 5, 3, 3, 1, 3, 2, 5, 2, 3, 3, 2, 1, 1
]

_MW_SUM_HL = [
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 0,
    0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0,
    1, 1, 0, 1, 1, 1, 0, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0,
    1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0,
    0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0,
    0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 1, 0,
    1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0
]

_PHYS_SEX = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1
]

_PHYS_HEIGHT = [
    1798.898741592004, 1799.341172832621, 1800.2903602839203, 1798.8566599378644, 1645.0,
    1800.6322660036735, 1800.0370698600977, 1799.211417483881, 1799.5631953141824, 1799.2145768500181,
    1800.6073366264445, 1801.6528236658944, 1801.022281540176, 1903.0, 1884.0, 1800.9984200647564,
    1801.2309050887736, 1799.7618631224655, 1799.2317513597563, 1698.0, 1793.0, 1799.2382616161535,
    1606.8467563519462, 1606.2462972399292, 1607.0242657555084, 1604.4572366184107, 1606.25, 1601.0,
    1604.3988562024997, 179.0, 1598.0, 1604.3937315078908, 1609.0, 1604.4238359591704, 1709.0,
    1605.8343389811657, 1604.671529307437, 1603.701355123553, 1604.9076908601864, 1603.0
]

_PHYS_TEMPERATURE = [
    37.53353506917424, 37.332473091307286, 37.02834290232648, 37.683032157991775, 36.67655443191774,
    37.12110183569028, 36.0971257526656, 32.58807852103614, 37.595007912138186, 33.60630807260845,
    34.421157706953366, 35.02521920424069, 35.97923518514911, 37.51696753795103, 39.965166109838115,
    39.02622871377212, 38.98009094554325, 37.01703459378541, 39.76601902895565, 36.93756202880504,
    35.113194930886955, 34.03672790716911, 36.255921209296176, 36.8755832402229, 37.84414778228858,
    36.80897863668638, 34.5603436955612, 39.89530904506864, 37.318661973403174, 35.14660039788999,
    37.368641173333444, 38.84823565302633, 35.46242033013408, 36.56725066603114, 39.44711730969199,
    36.05916699802694, 38.9800187348778, 39.71933335378953, 37.864427415075305, 38.79753837896583
]

_REPAIRS_MTBF = [
    2.592552252631108, 4.400770120406053, 2.627900677394092, 7.4472083173389985, 8.288070627319257,
    5.439255003197553, 12.853026949860565, 26.471102614739582, 9.668919369124316, 8.311479434168515,
    3.8376565650557883, 8.123004646933737, 1.6279784574543612, 14.840110785389921, 8.302215103939787, 10.45,
    4.4, 9.09, 7.45, 8.29, 3.08, 12.85, 26.47, 9.67, 10.23, 3.84, 8.12, 1.63, 14.84, 8.3
]

# ---------------------------------------------------------------------------------------
# NPAR TESTS /WILCOXON
# ---------------------------------------------------------------------------------------

WILCOXON = {
    "npar_wilcoxon": {
        "source": ("npar.at", 530, "NPAR TESTS WILCOXON"),
        "syntax": "WEIGHT BY w. NPAR TEST /WILCOXON=foo WITH bar (PAIRED) /MISSING ANALYSIS /METHOD=EXACT.",
        "columns": ("foo", "bar", "w"),
        "rows": [
            (1, 1, 1), (1, 2, 1), (2, 1, 1), (1, 4, 1), (2, 5, 1), (1, 19, 1), (2, 7, 1), (4, 5, 1),
            (1, 12, 1), (2, 13, 1), (2, 2, 1), (12, 0, 2), (12, 1, 1), (13, 1, 1),
        ],
        "weight": "w",
        "pairs": [("foo", "bar")],
        "expected": {
            ("foo", "bar"): {
                "negative_ranks": ("8", "6.00", "48.00"),
                "positive_ranks": ("5", "8.60", "43.00"),
                "ties": "2",
                "total": "15",
                "z": "-.18",
                "asymp_sig_2": ".861",
                "exact_sig_2": ".893",
                "exact_sig_1": ".446",
            },
        },
    },
    "npar_wilcoxon_missing_values": {
        "source": ("npar.at", 578, "NPAR TESTS WILCOXON with missing values"),
        "syntax": "NPAR TEST /WILCOXON=foo WITH bar (PAIRED) /MISSING ANALYSIS /METHOD=EXACT.",
        "columns": ("foo", "bar", "dummy"),
        "rows": [
            (1, 1, 1), (1, 2, 1), (2, 1, 1), (1, 4, None), (2, 5, None), (1, 19, None), (2, 7, 1),
            (4, 5, 1), (1, 12, 1), (2, 13, 1), (2, 2, 1), (12, 0, 1), (12, 0, 1), (34.2, None, 1),
            (12, 1, 1), (13, 1, 1),
        ],
        "weight": None,
        "pairs": [("foo", "bar")],
        "expected": {
            ("foo", "bar"): {
                "negative_ranks": ("8", "6.00", "48.00"),
                "positive_ranks": ("5", "8.60", "43.00"),
                "ties": "2",
                "total": "15",
                "z": "-.18",
                "asymp_sig_2": ".861",
                "exact_sig_2": ".893",
                "exact_sig_1": ".446",
            },
        },
    },
    "npar_paired": {
        "source": ("npar.at", 1824, "NPAR TESTS (PAIRED)"),
        "syntax": "SET FORMAT=F12.3. NPAR TESTS /WILCOXON a b WITH c c (PAIRED).",
        "columns": ("a", "b", "c"),
        "rows": [(1, 2, 4), (4, 5, 3), (1, 2, 2), (4, 5, 1)],
        "weight": None,
        "pairs": [("a", "c"), ("b", "c")],
        "expected": {
            ("a", "c"): {
                "negative_ranks": ("2", "2.500", "5.000"),
                "positive_ranks": ("2", "2.500", "5.000"),
                "ties": "0",
                "total": "4",
                "z": ".000",
                "asymp_sig_2": "1.000",
            },
            ("b", "c"): {
                "negative_ranks": ("1", "1.500", "1.500"),
                "positive_ranks": ("2", "2.250", "4.500"),
                "ties": "1",
                "total": "4",
                "z": "-.816",
                "asymp_sig_2": ".414",
            },
        },
    },
}

# ---------------------------------------------------------------------------------------
# NPAR TESTS /M-W
# ---------------------------------------------------------------------------------------

MANN_WHITNEY = {
    "npar_mann_whitney": {
        "source": ("npar.at", 1020, "NPAR TESTS Mann-Whitney"),
        "syntax": "SET FORMAT=F11.4. NPAR TESTS /M-W = height BY sex (0,1).",
        "columns": ("height", "sex"),
        "rows": [
            (201, 1), (84, 1), (83, 1), (94, 1), (88, 0), (99, 0), (55, 0), (69, 0), (86, 1), (79, 1),
            (91, 0), (201, 0), (88, 1), (85, 1), (82, 1), (88, 0), (75, 0), (99, 0), (81, 0), (72, 1),
            (89, 1), (92, 1), (80, 0), (82, 0), (76, 0), (65, 0), (85, 0), (76, 1), (145, 1), (24, 1),
            (1, 4), (-4, 5), (34, 5), (21, 4),
        ],
        "groups": (0, 1),
        "missing_values": (),
        "variables": ("height",),
        "expected": {
            "height": {
                "ranks_0": ("15", "14.5333", "218.0000"),
                "ranks_1": ("15", "16.4667", "247.0000"),
                "total": "30",
                "u": "98.0000",
                "w": "218.0000",
                "z": "-.6020",
                "asymp_sig_2": ".547",
            },
        },
    },
    "npar_mann_whitney_multiple": {
        "source": ("npar.at", 1082, "NPAR TESTS Mann-Whitney Multiple"),
        "syntax": (
            "SET FORMAT=F11.3. MISSING VALUES I002_01 I002_02 I002_03 I002_04 (-9 -1). "
            "NPAR TESTS /MISSING=ANALYSIS /M-W=I002_01 I002_02 I002_03 I002_04 BY sum_HL (0 1)."
        ),
        "columns": ("I002_01", "I002_02", "I002_03", "I002_04", "sum_HL"),
        "rows": None,  # filled in below from tests/language/mann-whitney.txt
        "groups": (0, 1),
        "missing_values": (-9, -1),
        "variables": ("I002_01", "I002_02", "I002_03", "I002_04"),
        "expected": {
            "I002_01": {
                "ranks_0": ("114", "110.018", "12542.000"),
                "ranks_1": ("115", "119.939", "13793.000"),
                "total": "229",
                "u": "5987.000",
                "w": "12542.000",
                "z": "-1.167",
                "asymp_sig_2": ".243",
            },
            "I002_02": {
                "ranks_0": ("115", "108.339", "12459.000"),
                "ranks_1": ("115", "122.661", "14106.000"),
                "total": "230",
                "u": "5789.000",
                "w": "12459.000",
                "z": "-1.674",
                "asymp_sig_2": ".094",
            },
            "I002_03": {
                "ranks_0": ("97", "95.351", "9249.000"),
                "ranks_1": ("91", "93.593", "8517.000"),
                "total": "188",
                "u": "4331.000",
                "w": "8517.000",
                "z": "-.245",
                "asymp_sig_2": ".807",
            },
            "I002_04": {
                "ranks_0": ("115", "111.065", "12772.500"),
                "ranks_1": ("115", "119.935", "13792.500"),
                "total": "230",
                "u": "6102.500",
                "w": "12772.500",
                "z": "-1.046",
                "asymp_sig_2": ".296",
            },
        },
    },
}
MANN_WHITNEY["npar_mann_whitney_multiple"]["rows"] = list(
    zip(_MW_I002_01, _MW_I002_02, _MW_I002_03, _MW_I002_04, _MW_SUM_HL, strict=True)
)

# ---------------------------------------------------------------------------------------
# NPAR TESTS /MCNEMAR
# ---------------------------------------------------------------------------------------

_MCNEMAR_ROWS = [
    (0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0), (0, 1, 0), (0, 1, 0), (0, 1, 0), (0, 1, 0),
    (0, 1, 1), (0, 1, 1), (0, 1, 1), (0, 1, 1), (0, 1, 1), (1, 0, 1), (1, 0, 1), (1, 1, 1),
    (1, 1, 1), (1, 1, 0), (1, 1, 0), (1, 1, 1),
]

MCNEMAR = {
    "npar_mcnemar": {
        "source": ("npar.at", 1248, "NPAR TESTS McNemar"),
        "syntax": "SET FORMAT=F12.3. NPAR TESTS /MCNEMAR = v1 WITH v2 junk.",
        "columns": ("v1", "v2", "junk"),
        "rows": _MCNEMAR_ROWS,
        "weight": None,
        "pairs": [("v1", "v2"), ("v1", "junk")],
        "expected": {
            ("v1", "v2"): {
                "table": (("4", "9"), ("2", "5")),
                "n": "20",
                "exact_sig_2": ".065",
                "exact_sig_1": ".033",
                "point_probability": ".027",
            },
            ("v1", "junk"): {
                "table": (("8", "5"), ("2", "5")),
                "n": "20",
                "exact_sig_2": ".453",
                "exact_sig_1": ".227",
                "point_probability": ".164",
            },
        },
    },
    "npar_mcnemar_symmetry": {
        "source": ("npar.at", 1302, "NPAR TESTS McNemar Symetricity"),
        "syntax": (
            "WEIGHT BY w. NPAR TEST /MCNEMAR var1 WITH var2 (PAIRED). "
            "NPAR TEST /MCNEMAR var2 WITH var1 (PAIRED)."
        ),
        "columns": ("var1", "var2", "w"),
        "rows": [(0, 0, 9), (0, 1, 8), (1, 0, 1), (1, 1, 5)],
        "weight": "w",
        "pairs": [("var1", "var2"), ("var2", "var1")],
        "expected": {
            ("var1", "var2"): {
                "table": (("9", "8"), ("1", "5")),
                "n": "23",
                "exact_sig_2": ".039",
                "exact_sig_1": ".020",
                "point_probability": ".02",
            },
            ("var2", "var1"): {
                "table": (("9", "1"), ("8", "5")),
                "n": "23",
                "exact_sig_2": ".039",
                "exact_sig_1": ".020",
                "point_probability": ".02",
            },
        },
    },
}

# ---------------------------------------------------------------------------------------
# CROSSTABS /STATISTICS=CHISQ (chi-square family, Fisher's exact test)
# Each expected row is (value, df, asymptotic sig.); Fisher is (exact 2-tailed, exact 1-tailed).
# ---------------------------------------------------------------------------------------

CROSSTABS = {
    "crosstabs_residuals": {
        "source": ("crosstabs.at", 20, "CROSSTABS residuals"),
        "syntax": (
            "WEIGHT BY n. CROSSTABS r BY c /STATISTICS=CHISQ /CELLS=COUNT EXPECTED RESID SRESID ASRESID."
        ),
        "columns": ("r", "c", "n"),
        "rows": [
            (1, 1, 26), (1, 2, 31), (2, 1, 12), (2, 2, 32), (3, 1, 27), (3, 2, 18), (4, 1, 8), (4, 2, 7),
        ],
        "weight": "n",
        "tables": {
            ("r", "c"): {
                "count": (("26.00", "31.00"), ("12.00", "32.00"), ("27.00", "18.00"), ("8.00", "7.00")),
                "expected": (("25.84", "31.16"), ("19.95", "24.05"), ("20.40", "24.60"), ("6.80", "8.20")),
                "pearson": ("10.09", "3.00", ".018"),
                "likelihood_ratio": ("10.35", "3.00", ".016"),
                "linear_by_linear": ("1.96", "1.00", ".162"),
                "n": "161.00",
            },
        },
    },
    "crosstabs_chi_square_crash": {
        "source": ("crosstabs.at", 254, "CROSSTABS chi-square crash"),
        "syntax": "CROSSTABS /TABLES= x BY y /STATISTICS=CHISQ.",
        "columns": ("x", "y"),
        "rows": [(2, 2), (3, 1), (4, 2), (4, 1)],
        "weight": None,
        "tables": {
            ("x", "y"): {
                "count": (("0", "1"), ("1", "0"), ("1", "1")),
                "pearson": ("2.00", "2", ".368"),
                "likelihood_ratio": ("2.77", "2", ".250"),
                "linear_by_linear": (".27", "1", ".602"),
                "n": "4",
            },
        },
    },
    "crosstabs_split_file": {
        "source": ("crosstabs.at", 298, "CROSSTABS crash with SPLIT FILE"),
        "syntax": (
            "SORT CASES BY v0. SPLIT FILE SEPARATE BY v0. "
            "CROSSTABS /TABLES= v1 BY v2 /FORMAT=AVALUE TABLES /STATISTICS=CHISQ "
            "/CELLS=COUNT ROW COLUMN TOTAL."
        ),
        "columns": ("v0", "v1", "v2"),
        "rows": [
            ("a", "c", "e"), ("a", "c", "e"), ("a", "c", "e"), ("a", "d", "e"), ("a", "d", "f"),
            ("b", "d", "f"), ("b", "d", "f"), ("b", "c", "f"), ("b", "d", "e"), ("a", "c", "f"),
        ],
        "weight": None,
        "split": "v0",
        "tables": {
            ("v1", "v2", "a"): {
                "count": (("3", "1"), ("1", "1")),
                "pearson": (".38", "1", ".540"),
                "likelihood_ratio": (".37", "1", ".545"),
                "fisher": ("1.000", ".600"),
                "continuity": (".00", "1", "1.000"),
                "n": "6",
            },
            ("v1", "v2", "b"): {
                "count": (("0", "1"), ("1", "2")),
                "pearson": (".44", "1", ".505"),
                "likelihood_ratio": (".68", "1", ".410"),
                "fisher": ("1.000", ".750"),
                "continuity": (".00", "1", "1.000"),
                "n": "4",
            },
        },
    },
    "crosstabs_3way": {
        "source": ("crosstabs.at", 396, "3-way CROSSTABS"),
        "syntax": "DATA LIST FIXED / x 1-2 y 3 z 4. CROSSTABS TABLES x BY y BY z /STATISTICS=ALL.",
        "columns": ("x", "y", "z"),
        "rows": [
            (1, 1, 1), (2, 2, 2), (3, 1, 1), (4, 1, 2), (5, 2, 1), (6, 1, 2), (7, 1, 1), (8, 1, 1), (9, 1, 2),
        ],
        "weight": None,
        "split": "z",
        # PSPP's linear-by-linear row scores x by its values (1, 3, 5, 7, 8 and 2, 4, 6, 9),
        # which are not equally spaced: .01 (p .938) and 1.58 (p .209).
        "tables": {
            ("x", "y", 1): {
                "pearson": ("5.00", "4", ".287"),
                "likelihood_ratio": ("5.00", "4", ".287"),
                "linear_by_linear_value_scores": (".01", "1", ".938"),
                "n": "5",
            },
            ("x", "y", 2): {
                "pearson": ("4.00", "3", ".261"),
                "likelihood_ratio": ("4.50", "3", ".212"),
                "linear_by_linear_value_scores": ("1.58", "1", ".209"),
                "n": "4",
            },
        },
    },
    "crosstabs_fisher_exact": {
        "source": ("crosstabs.at", 692, "CROSSTABS Fisher Exact Test"),
        "syntax": (
            "SET FORMAT F12.3. CROSSTABS /TABLES = schtyp BY female /STATISTIC = chisq. "
            "CROSSTABS /TABLES = female BY ses /STATISTIC = chisq."
        ),
        "columns": ("schtyp", "female", "ses"),
        "rows": None,  # filled in below
        "weight": None,
        "tables": {
            ("schtyp", "female"): {
                "count": (("77", "91"), ("14", "18")),
                "pearson": (".047", "1", ".828"),
                "likelihood_ratio": (".047", "1", ".828"),
                "fisher": (".849", ".492"),
                "continuity": (".001", "1", ".981"),
                "linear_by_linear": (".047", "1", ".829"),
                "n": "200",
            },
            ("female", "ses"): {
                "count": (("15", "47", "29"), ("32", "48", "29")),
                "pearson": ("4.577", "2", ".101"),
                "likelihood_ratio": ("4.679", "2", ".096"),
                "linear_by_linear": ("3.110", "1", ".078"),
                "n": "200",
            },
        },
    },
    "crosstabs_many_statistics": {
        "source": ("crosstabs.at", 1751, "CROSSTABS many statistics"),
        "syntax": (
            "SET FORMAT=F8.4. WEIGHT BY w. "
            "CROSSTABS x BY y /STATISTICS=CHISQ PHI CC LAMBDA UC BTAU CTAU GAMMA D CORR /CELLS=NONE."
        ),
        "columns": ("x", "y", "w"),
        "rows": [(1, 1, 25), (1, 2, 25), (1, 3, 12), (2, 2, 1), (2, 3, 3)],
        "weight": "w",
        "tables": {
            ("x", "y"): {
                # /CELLS=NONE: PSPP prints no counts; these are the weighted data's.
                "count": (("25", "25", "12"), ("0", "1", "3")),
                "pearson": ("6.9562", "2.0000", ".031"),
                "likelihood_ratio": ("6.6901", "2.0000", ".035"),
                "linear_by_linear": ("5.8450", "1.0000", ".016"),
                "phi": (".3246",),
                "cramers_v": (".3246",),
                "n": "66.0000",
            },
        },
    },
    "crosstabs_estimated_risk": {
        "source": ("crosstabs.at", 1848, "CROSSTABS estimated risk"),
        "syntax": "WEIGHT BY count. CROSSTABS factor BY disease /STATISTICS=RISK CHISQ.",
        "columns": ("factor", "disease", "count"),
        "rows": [(0, 1, 80), (0, 0, 20), (1, 1, 135), (1, 0, 15)],
        "weight": "count",
        # Rows factor 0 (Placebo), 1 (Aspirin); columns as PSPP orders them with the value
        # labels: disease 0 ("Yes") first, then 1 ("No").
        "tables": {
            ("factor", "disease"): {
                "count": (("20", "80"), ("15", "135")),
                "pearson": ("4.98", "1", ".026"),
                "likelihood_ratio": ("4.88", "1", ".027"),
                "fisher": (".039", ".021"),
                "continuity": ("4.19", "1", ".041"),
                "linear_by_linear": ("4.96", "1", ".026"),
                # Risk Estimate table: value, lower, upper. PSPP prints the estimate as both
                # bounds of its 95% CI (a PSPP defect): only the value is a fact to compare.
                "odds_ratio": ("2.25", "2.25", "2.25"),
                "n": "250",
            },
        },
    },
}
CROSSTABS["crosstabs_fisher_exact"]["rows"] = list(
    zip(_FISHER_SCHTYP, _FISHER_FEMALE, _FISHER_SES, strict=True)
)

# ---------------------------------------------------------------------------------------
# T-TEST /PAIRS
# stats: (N, Mean, Std. Deviation, S.E. Mean); correlation: (N, Correlation, Sig.);
# test: (Mean, Std. Deviation, S.E. Mean, CI lower, CI upper, t, df, Sig. (2-tailed)) of first - second
# ---------------------------------------------------------------------------------------

_PAIRS_ABCD = [
    (1, 2.0, 3.0, 4.0, 4.0), (2, 1.0, 2.0, 5.1, 3.9), (3, 2.0, 4.5, 5.2, 3.8), (4, 2.0, 4.5, 5.3, 3.7),
]

PAIRED_T = {
    "t_test_pairs": {
        "source": ("t-test.at", 19, "T-TEST /PAIRS"),
        "syntax": "T-TEST /PAIRS a WITH b (PAIRED).",
        "columns": ("id", "a", "b"),
        "datasets": [[(1, 2.0, 3.0), (2, 1.0, 2.0), (3, 2.0, 4.5), (4, 2.0, 4.5), (5, 3.0, 6.0)]],
        "weight": None,
        "missing": "analysis",
        "expected": {
            ("a", "b"): {
                "stats_first": ("5", "2.00", ".71", ".32"),
                "stats_second": ("5", "4.00", "1.54", ".69"),
                "correlation": ("5", ".918", ".028"),
                "test": ("-2.00", ".94", ".42", "-3.16", "-.84", "-4.78", "4", ".009"),
            },
        },
    },
    "t_test_pairs_missing_analysis": {
        "source": ("t-test.at", 59, "T-TEST /PAIRS with per-analysis missing values"),
        "syntax": "T-TEST /MISSING=analysis /PAIRS a c WITH b d (PAIRED) /CRITERIA=CI(0.95).",
        "columns": ("id", "a", "b", "c", "d"),
        # The reference data set, and the one with missing values PSPP must treat the same way.
        "datasets": [
            [*_PAIRS_ABCD, (56, 3.0, 6.0, 5.9, 3.6)],
            [*_PAIRS_ABCD, (5, 3.0, 6.0, 5.9, None), (6, 3.0, None, 5.9, 3.6)],
        ],
        "weight": None,
        "missing": "analysis",
        "expected": {
            ("a", "b"): {
                "stats_first": ("5", "2.00", ".71", ".32"),
                "stats_second": ("5", "4.00", "1.54", ".69"),
                "correlation": ("5", ".918", ".028"),
                "test": ("-2.00", ".94", ".42", "-3.16", "-.84", "-4.78", "4", ".009"),
            },
            ("c", "d"): {
                "stats_first": ("5", "5.10", ".69", ".31"),
                "stats_second": ("5", "3.80", ".16", ".07"),
                "correlation": ("5", "-.918", ".028"),
                "test": ("1.30", ".84", ".37", ".26", "2.34", "3.47", "4", ".025"),
            },
        },
    },
    "t_test_pairs_missing_listwise": {
        "source": ("t-test.at", 124, "T-TEST /PAIRS with listwise missing values"),
        "syntax": "T-TEST /MISSING=listwise /PAIRS a b WITH c d (PAIRED).",
        "columns": ("id", "a", "b", "c", "d"),
        "datasets": [
            [*_PAIRS_ABCD, (5, 3.0, 6.0, 5.9, 3.6)],
            [*_PAIRS_ABCD, (5, 3.0, 6.0, 5.9, 3.6), (6, 3.0, 6.0, 5.9, None)],
        ],
        "weight": None,
        "missing": "listwise",
        "expected": {
            ("a", "c"): {
                "stats_first": ("5", "2.00", ".71", ".32"),
                "stats_second": ("5", "5.10", ".69", ".31"),
                "correlation": ("5", ".410", ".493"),
                "test": ("-3.10", ".76", ".34", "-4.04", "-2.16", "-9.14", "4", ".001"),
            },
            ("b", "d"): {
                "stats_first": ("5", "4.00", "1.54", ".69"),
                "stats_second": ("5", "3.80", ".16", ".07"),
                "correlation": ("5", "-.872", ".054"),
                "test": (".20", "1.68", ".75", "-1.89", "2.29", ".27", "4", ".803"),
            },
        },
    },
    "t_test_weighted_paired": {
        "source": ("t-test.at", 192, "T-TEST weighted paired bug"),
        "syntax": "WEIGHT BY w. T-TEST PAIRS = y WITH x (PAIRED) /MISSING=ANALYSIS /CRITERIA=CI(0.95).",
        "columns": ("x", "y", "w"),
        "datasets": [[(1, 1, 255), (1, 2, 43), (1, 3, 216), (2, 1, 3), (2, 2, 1), (2, 3, 12)]],
        "weight": "w",
        "missing": "analysis",
        "expected": {
            ("y", "x"): {
                "stats_first": ("530.00", "1.94", ".96", ".04"),
                "stats_second": ("530.00", "1.03", ".17", ".01"),
                "correlation": ("530.00", ".114", ".008"),
                "test": (".91", ".95", ".04", ".83", ".99", "22.07", "529.00", ".000"),
            },
        },
    },
    "t_test_pairs_bug": {
        "source": ("t-test.at", 234, "T-TEST /PAIRS bug"),
        "syntax": "SET FORMAT F8.3. T-TEST PAIRS = a WITH b (PAIRED).",
        "columns": ("a", "b"),
        "datasets": [[(11, 2), (1, 1), (1, 1)]],
        "weight": None,
        "missing": "analysis",
        "expected": {
            ("a", "b"): {
                "stats_first": ("3", "4.333", "5.774", "3.333"),
                "stats_second": ("3", "1.333", ".577", ".333"),
                "correlation": ("3", "1.000", ".000"),
                "test": ("3.000", "5.196", "3.000", "-9.908", "15.908", "1.000", "2", ".423"),
            },
        },
    },
}

# ---------------------------------------------------------------------------------------
# T-TEST /GROUPS (and ONEWAY with two groups: Levene and the contrast -1 1)
# groups: (N, Mean, Std. Deviation, S.E. Mean) for the first and second group;
# levene: (F, Sig.); equal / unequal: (t, df, Sig. (2-tailed), Mean Difference,
# Std. Error Difference, CI lower, CI upper), first group minus second.
# ---------------------------------------------------------------------------------------

_GROUPS_DEP = [
    (1, 1.1, 1, 3), (2, 1.1, 2, 4), (3, 1.1, 2, 4), (4, 1.1, 2, 4), (5, 1.1, 3, 5), (6, 2.1, 3, 1),
    (7, 2.1, 4, 2), (8, 2.1, 4, 2), (9, 2.1, 4, 2), (10, 2.1, 5, 3), (11, 3.1, 2, 2),
]

INDEPENDENT_T = {
    "t_test_groups": {
        "source": ("t-test.at", 270, "T-TEST /GROUPS"),
        "syntax": "T-TEST /GROUPS=indep(1.1,2.1) /VAR=dep1 dep2.",
        "columns": ("id", "indep", "dep1", "dep2"),
        "datasets": [_GROUPS_DEP],
        "group_var": "indep",
        "groups": (1.1, 2.1),
        "cut_point": None,
        "missing": "analysis",
        "expected": {
            "dep1": {
                "group_first": ("5", "2.00", ".71", ".32"),
                "group_second": ("5", "4.00", ".71", ".32"),
                "levene": (".00", "1.000"),
                "equal": ("-4.47", "8.00", ".002", "-2.00", ".45", "-3.03", "-.97"),
                "unequal": ("-4.47", "8.00", ".002", "-2.00", ".45", "-3.03", "-.97"),
            },
            "dep2": {
                "group_first": ("5", "4.00", ".71", ".32"),
                "group_second": ("5", "2.00", ".71", ".32"),
                "levene": (".00", "1.000"),
                "equal": ("4.47", "8.00", ".002", "2.00", ".45", ".97", "3.03"),
                "unequal": ("4.47", "8.00", ".002", "2.00", ".45", ".97", "3.03"),
            },
        },
    },
    "t_test_groups_string": {
        "source": ("t-test.at", 739, "T-TEST string variable"),
        "syntax": "T-TEST /GROUPS=indep('a','b') /VAR=dep1 dep2.",
        "columns": ("id", "indep", "dep1", "dep2"),
        "datasets": [[(i, {1.1: "a", 2.1: "b", 3.1: "c"}[g], d1, d2) for i, g, d1, d2 in _GROUPS_DEP]],
        "group_var": "indep",
        "groups": ("a", "b"),
        "cut_point": None,
        "missing": "analysis",
        "expected": {
            "dep1": {
                "group_first": ("5", "2.00", ".71", ".32"),
                "group_second": ("5", "4.00", ".71", ".32"),
                "levene": (".00", "1.000"),
                "equal": ("-4.47", "8.00", ".002", "-2.00", ".45", "-3.03", "-.97"),
                "unequal": ("-4.47", "8.00", ".002", "-2.00", ".45", "-3.03", "-.97"),
            },
            "dep2": {
                "group_first": ("5", "4.00", ".71", ".32"),
                "group_second": ("5", "2.00", ".71", ".32"),
                "levene": (".00", "1.000"),
                "equal": ("4.47", "8.00", ".002", "2.00", ".45", ".97", "3.03"),
                "unequal": ("4.47", "8.00", ".002", "2.00", ".45", ".97", "3.03"),
            },
        },
    },
    "t_test_groups_cut_point": {
        "source": ("t-test.at", 320, "T-TEST /GROUPS with one value for independent variable"),
        "syntax": "T-TEST /GROUPS=indep(1.514) /VAR=dep.",
        "columns": ("indep", "dep"),
        "datasets": [[
            (1, 6), (1, 6), (1, 7), (1, 6), (1, 13), (1, 4), (1, 7), (1, 9), (1, 7), (1, 12), (1, 11),
            (2, 11), (2, 9), (2, 8), (2, 4), (2, 16), (2, 9), (2, 9), (2, 5), (2, 4), (2, 10), (2, 14),
        ]],
        "group_var": "indep",
        "groups": None,
        # A single value is a cut point: PSPP's first group is indep >= 1.514, the second < 1.514.
        "cut_point": 1.514,
        "missing": "analysis",
        "expected": {
            "dep": {
                "group_first": ("11", "9.00", "3.82", "1.15"),
                "group_second": ("11", "8.00", "2.86", ".86"),
                "levene": (".17", ".683"),
                "equal": (".69", "20.00", ".495", "1.00", "1.44", "-2.00", "4.00"),
                "unequal": (".69", "18.54", ".496", "1.00", "1.44", "-2.02", "4.02"),
            },
        },
    },
    "t_test_groups_missing_analysis": {
        "source": ("t-test.at", 371, "T-TEST /GROUPS with per-analysis missing values"),
        "syntax": "T-TEST /MISSING=analysis /GROUP=indep /VAR=dep1 dep2.",
        "columns": ("id", "indep", "dep1", "dep2"),
        "datasets": [
            [(1, 1.0, 3.5, 6), (2, 1.0, 2.0, 5), (3, 1.0, 2.0, 4), (4, 2.0, 3.5, 3), (56, 2.0, 3.0, 1)],
            [
                (1, 1.0, 3.5, 6), (2, 1.0, 2.0, 5), (3, 1.0, 2.0, 4), (4, 2.0, 3.5, 3), (5, 2.0, 3.0, None),
                (6, 2.0, None, 1), (7, None, 3.1, 5),
            ],
        ],
        "group_var": "indep",
        "groups": (1.0, 2.0),
        "cut_point": None,
        "missing": "analysis",
        "expected": {
            "dep1": {
                "group_first": ("3", "2.50", ".87", ".50"),
                "group_second": ("2", "3.25", ".35", ".25"),
                "levene": ("3.75", ".148"),
                "equal": ("-1.12", "3.00", ".346", "-.75", ".67", "-2.89", "1.39"),
                "unequal": ("-1.34", "2.78", ".279", "-.75", ".56", "-2.61", "1.11"),
            },
            "dep2": {
                "group_first": ("3", "5.00", "1.00", ".58"),
                "group_second": ("2", "2.00", "1.41", "1.00"),
                "levene": (".60", ".495"),
                "equal": ("2.85", "3.00", ".065", "3.00", "1.05", "-.35", "6.35"),
                "unequal": ("2.60", "1.68", ".144", "3.00", "1.15", "-2.98", "8.98"),
            },
        },
    },
    "t_test_groups_missing_listwise": {
        "source": ("t-test.at", 431, "T-TEST /GROUPS with listwise missing values"),
        "syntax": "T-TEST /MISSING=listwise,exclude /GROUP=indep /VAR=dep1, dep2.",
        "columns": ("id", "indep", "dep1", "dep2"),
        "datasets": [
            [(1, 1.0, 3.5, 6), (2, 1.0, 2.0, 5), (3, 1.0, 2.0, 4), (4, 2.0, 3.5, 3), (5, 2.0, 3.0, 2),
             (6, 2.0, 4.0, 1)],
            [(1, 1.0, 3.5, 6), (2, 1.0, 2.0, 5), (3, 1.0, 2.0, 4), (4, 2.0, 3.5, 3), (5, 2.0, 3.0, 2),
             (6, 2.0, 4.0, 1), (7, 2.0, None, 0)],
        ],
        "group_var": "indep",
        "groups": (1.0, 2.0),
        "cut_point": None,
        "missing": "listwise",
        "expected": {
            "dep1": {
                "group_first": ("3", "2.50", ".87", ".50"),
                "group_second": ("3", "3.50", ".50", ".29"),
                "levene": ("2.00", ".230"),
                "equal": ("-1.73", "4.00", ".158", "-1.00", ".58", "-2.60", ".60"),
                "unequal": ("-1.73", "3.20", ".176", "-1.00", ".58", "-2.77", ".77"),
            },
            "dep2": {
                "group_first": ("3", "5.00", "1.00", ".58"),
                "group_second": ("3", "2.00", "1.00", ".58"),
                "levene": (".00", "1.000"),
                "equal": ("3.67", "4.00", ".021", "3.00", ".82", ".73", "5.27"),
                "unequal": ("3.67", "4.00", ".021", "3.00", ".82", ".73", "5.27"),
            },
        },
    },
    "t_test_temporary": {
        "source": ("t-test.at", 630, "T-TEST wih TEMPORARY transformation"),
        "syntax": "TEMPORARY. SELECT IF x < 7. T-TEST /GROUPS=ind(1 2) /VAR x.",
        "columns": ("ind", "x"),
        # Second data set: the case x = 9 is removed by SELECT IF before the test.
        "datasets": [
            [(1, 3.5), (1, 2.0), (1, 2.0), (2, 3.5), (2, 3.0), (2, 4.0)],
            [(1, 3.5), (1, 2.0), (1, 2.0), (2, 3.5), (2, 3.0), (2, 4.0), (2, 9.0)],
        ],
        "select_below": 7,
        "group_var": "ind",
        "groups": (1, 2),
        "cut_point": None,
        "missing": "analysis",
        "expected": {
            "x": {
                "group_first": ("3", "2.50", ".87", ".50"),
                "group_second": ("3", "3.50", ".50", ".29"),
                "levene": ("2.00", ".230"),
                "equal": ("-1.73", "4.00", ".158", "-1.00", ".58", "-2.60", ".60"),
                "unequal": ("-1.73", "3.20", ".176", "-1.00", ".58", "-2.77", ".77"),
            },
        },
    },
    "t_test_tutorial": {
        "source": ("t-test.at", 688, "T-TEST tutorial example"),
        "syntax": (
            "GET FILE='physiology.sav'. RECODE height (179 = SYSMIS). "
            "T-TEST GROUP=sex(0,1) /VARIABLES=height temperature."
        ),
        "columns": ("sex", "height", "temperature"),
        "datasets": None,  # filled in below from examples/physiology.sav
        "recode_missing": {"height": 179.0},
        "group_var": "sex",
        "groups": (0, 1),
        "cut_point": None,
        "missing": "analysis",
        "expected": {
            "height": {
                "group_first": ("22", "1796.49", "49.71", "10.60"),
                "group_second": ("17", "1610.77", "25.43", "6.17"),
                "levene": (".97", ".331"),
                "equal": ("14.02", "37.00", ".000", "185.72", "13.24", "158.88", "212.55"),
                "unequal": ("15.15", "32.71", ".000", "185.72", "12.26", "160.76", "210.67"),
            },
            "temperature": {
                "group_first": ("22", "36.68", "1.95", ".42"),
                "group_second": ("18", "37.43", "1.61", ".38"),
                "levene": (".31", ".581"),
                "equal": ("-1.31", "38.00", ".198", "-.75", ".57", "-1.91", ".41"),
                "unequal": ("-1.33", "37.99", ".190", "-.75", ".56", "-1.89", ".39"),
            },
        },
    },
    "t_test_string_comparison": {
        "source": ("t-test.at", 813, "T-TEST string variable comparison bug"),
        "syntax": "T-TEST GROUP=gv('One', 'Two') /VARIABLES = x.",
        "columns": ("x", "gv"),
        "datasets": [[
            (3, "One"), (2, "One"), (3, "One"), (2, "One"), (3, "One"),
            (4, "Two"), (3.5, "Two"), (3.0, "Two"),
        ]],
        "group_var": "gv",
        "groups": ("One", "Two"),
        "cut_point": None,
        "missing": "analysis",
        "expected": {
            "x": {
                "group_first": ("5", "2.60", ".55", ".24"),
                "group_second": ("3", "3.50", ".50", ".29"),
                "levene": ("1.13", ".329"),
                "equal": ("-2.32", "6.00", ".060", "-.90", ".39", "-1.85", ".05"),
                "unequal": ("-2.38", "4.70", ".067", "-.90", ".38", "-1.89", ".09"),
            },
        },
    },
    # ONEWAY with SPLIT FILE: each split has two brands. The contrast (-1, 1) is the second
    # brand minus the first, so "first" below is the second brand. PSPP prints (value, SE, t,
    # df, sig.) there: the CI is not printed (None).
    "oneway_with_splits_1": {
        "source": ("oneway.at", 90, "ONEWAY with splits"),
        "syntax": (
            "SPLIT FILE BY s. ONEWAY quality BY brand /STATISTICS descriptives homogeneity "
            "/CONTRAST = -2 2 /CONTRAST = -1 1."
        ),
        "columns": ("quality", "brand", "s"),
        "datasets": [[(3, 1, 1), (2, 1, 1), (1, 1, 1), (1, 1, 1), (4, 1, 1), (5, 2, 1), (2, 2, 1)]],
        "group_var": "brand",
        "groups": (2, 1),
        "cut_point": None,
        "missing": "analysis",
        "expected": {
            "quality": {
                "group_first": ("2", "3.50", "2.12", "1.50"),
                "group_second": ("5", "2.20", "1.30", ".58"),
                "levene": ("1.09", ".345"),
                "levene_df": ("1", "5"),
                "equal": ("1.03", "5.00", ".349", "1.30", "1.26", None, None),
                "unequal": (".81", "1.32", ".539", "1.30", "1.61", None, None),
            },
        },
    },
    "oneway_with_splits_2": {
        "source": ("oneway.at", 90, "ONEWAY with splits"),
        "syntax": (
            "SPLIT FILE BY s. ONEWAY quality BY brand /STATISTICS descriptives homogeneity "
            "/CONTRAST = -2 2 /CONTRAST = -1 1."
        ),
        "columns": ("quality", "brand", "s"),
        "datasets": [[
            (4, 2, 2), (2, 2, 2), (3, 2, 2), (7, 3, 2), (4, 3, 2), (5, 3, 2), (3, 3, 2), (6, 3, 2),
        ]],
        "group_var": "brand",
        "groups": (3, 2),
        "cut_point": None,
        "missing": "analysis",
        "expected": {
            "quality": {
                "group_first": ("5", "5.00", "1.58", ".71"),
                "group_second": ("3", "3.00", "1.00", ".58"),
                "levene": (".92", ".374"),
                "levene_df": ("1", "6"),
                "equal": ("1.94", "6.00", ".101", "2.00", "1.03", None, None),
                "unequal": ("2.19", "5.88", ".072", "2.00", ".91", None, None),
            },
        },
    },
}
INDEPENDENT_T["t_test_tutorial"]["datasets"] = [
    list(zip(_PHYS_SEX, _PHYS_HEIGHT, _PHYS_TEMPERATURE, strict=True))
]

# ---------------------------------------------------------------------------------------
# EXAMINE /STATISTICS=DESCRIPTIVES, /PERCENTILES, Tests of Normality; NPAR TESTS /K-S
# descriptives: label -> (Statistic,) or (Statistic, Std. Error), as EXAMINE prints them.
# ---------------------------------------------------------------------------------------

EXAMINE = {
    "examine_descriptives": {
        "source": ("examine.at", 19, "EXAMINE"),
        "syntax": "WEIGHT BY w. EXAMINE quality BY brand /STATISTICS descriptives extreme(3).",
        "columns": ("quality", "w", "brand"),
        "rows": [
            (3, 1, 1), (2, 2, 1), (1, 2, 1), (1, 1, 1), (4, 1, 1), (4, 1, 1), (5, 1, 2), (2, 1, 2),
            (4, 4, 2), (2, 1, 2), (3, 1, 2), (7, 1, 3), (4, 2, 3), (5, 3, 3), (3, 1, 3), (6, 1, 3),
        ],
        "weight": "w",
        "variable": "quality",
        "by": "brand",
        "expected": {
            None: {  # all 24 cases
                "n": ("24.00",),
                "mean": ("3.54", ".32"),
                "ci_lower": ("2.87",),
                "ci_upper": ("4.21",),
                "trimmed_mean_5": ("3.50",),
                "median": ("4.00",),
                "variance": ("2.52",),
                "sd": ("1.59",),
                "min": ("1.00",),
                "max": ("7.00",),
                "range": ("6.00",),
                "iqr": ("2.75",),
                "skewness": (".06", ".47"),
                "kurtosis": ("-.36", ".92"),
            },
            1: {
                "n": ("8.00",),
                "mean": ("2.25", ".45"),
                "ci_lower": ("1.18",),
                "ci_upper": ("3.32",),
                "trimmed_mean_5": ("2.22",),
                "median": ("2.00",),
                "variance": ("1.64",),
                "sd": ("1.28",),
                "min": ("1.00",),
                "max": ("4.00",),
                "range": ("3.00",),
                "iqr": ("2.75",),
                "skewness": (".47", ".75"),
                "kurtosis": ("-1.55", "1.48"),
            },
            2: {
                "n": ("8.00",),
                "mean": ("3.50", ".38"),
                "ci_lower": ("2.61",),
                "ci_upper": ("4.39",),
                "trimmed_mean_5": ("3.50",),
                "median": ("4.00",),
                "variance": ("1.14",),
                "sd": ("1.07",),
                "min": ("2.00",),
                "max": ("5.00",),
                "range": ("3.00",),
                "iqr": ("1.75",),
                "skewness": ("-.47", ".75"),
                "kurtosis": ("-.83", "1.48"),
            },
            3: {
                "n": ("8.00",),
                "mean": ("4.88", ".44"),
                "ci_lower": ("3.83",),
                "ci_upper": ("5.92",),
                "trimmed_mean_5": ("4.86",),
                "median": ("5.00",),
                "variance": ("1.55",),
                "sd": ("1.25",),
                "min": ("3.00",),
                "max": ("7.00",),
                "range": ("4.00",),
                "iqr": ("1.75",),
                "skewness": (".30", ".75"),
                "kurtosis": (".15", "1.48"),
            },
        },
    },
    "examine_percentiles": {
        "source": ("examine.at", 329, "EXAMINE -- percentiles"),
        "syntax": "EXAMINE /x /PERCENTILES=HAVERAGE.",
        "columns": ("x",),
        "rows": [(2.0,), (8.0,), (5.0,)],
        "weight": None,
        "variable": "x",
        "by": None,
        # Weighted Average (HAVERAGE) row at 5, 10, 25, 50, 75, 90, 95, then Tukey's hinges.
        "percentiles_haverage": {
            "5": ".40", "10": ".80", "25": "2.00", "50": "5.00", "75": "8.00", "90": "8.00", "95": "8.00",
        },
        "tukey_hinges": {"25": "3.50", "50": "5.00", "75": "6.50"},
        "expected": {},
    },
    "examine_trimmed_mean": {
        "source": ("examine.at", 511, "EXAMINE -- trimmed mean"),
        "syntax": "WEIGHT BY c. EXAMINE x /STATISTICS=DESCRIPTIVES.",
        "columns": ("x", "c"),
        "rows": [(1, 1), (2, 49), (3, 2)],
        "weight": "c",
        "variable": "x",
        "by": None,
        "expected": {
            None: {
                "n": ("52.00",),
                "mean": ("2.02", ".03"),
                "ci_lower": ("1.95",),
                "ci_upper": ("2.09",),
                "trimmed_mean_5": ("2.00",),
                "median": ("2.00",),
                "variance": (".06",),
                "sd": (".24",),
                "min": ("1.00",),
                "max": ("3.00",),
                "range": ("2.00",),
                "iqr": (".00",),
                "skewness": ("1.19", ".33"),
                "kurtosis": ("15.73", ".65"),
            },
        },
    },
    "examine_sample_unweighted": {
        "source": ("examine.at", 923, "EXAMINE -- sample unweighted"),
        "syntax": "SET FORMAT = F22.4. EXAMINE x /STATISTICS=DESCRIPTIVES.",
        "columns": ("x",),
        "rows": [(v,) for v in _SAMPLE_X],
        "weight": None,
        "variable": "x",
        "by": None,
        "expected": {
            None: {
                "n": ("100",),
                "mean": ("587.6603", "23.2665"),
                "ci_lower": ("541.4946",),
                "ci_upper": ("633.8260",),
                "trimmed_mean_5": ("579.7064",),
                "median": ("547.1350",),
                "variance": ("54132.8466",),
                "sd": ("232.6647",),
                "min": ("106.2200",),
                "max": ("1355.2800",),
                "range": ("1249.0600",),
                "iqr": ("293.1575",),
                "skewness": (".6331", ".2414"),
                "kurtosis": (".5300", ".4783"),
            },
        },
    },
    "examine_tutorial_mtbf": {
        "source": ("examine.at", 1159, "EXAMINE tutorial example 1"),
        "syntax": "GET FILE='repairs.sav'. EXAMINE mtbf /STATISTICS=DESCRIPTIVES.",
        "columns": ("mtbf",),
        "rows": [(v,) for v in _REPAIRS_MTBF],
        "weight": None,
        "variable": "mtbf",
        "by": None,
        "expected": {
            None: {
                "n": ("30",),
                "mean": ("8.78", "1.10"),
                "ci_lower": ("6.53",),
                "ci_upper": ("11.04",),
                "trimmed_mean_5": ("8.20",),
                "median": ("8.29",),
                "variance": ("36.34",),
                "sd": ("6.03",),
                "min": ("1.63",),
                "max": ("26.47",),
                "range": ("24.84",),
                "iqr": ("6.03",),
                "skewness": ("1.65", ".43"),
                "kurtosis": ("3.41", ".83"),
            },
        },
    },
    "examine_tutorial_mtbf_ln": {
        "source": ("examine.at", 1159, "EXAMINE tutorial example 1"),
        "syntax": "COMPUTE mtbf_ln = LN(mtbf). EXAMINE mtbf_ln /STATISTICS=DESCRIPTIVES.",
        "columns": ("mtbf",),
        "rows": [(v,) for v in _REPAIRS_MTBF],
        "weight": None,
        "variable": "mtbf",
        "transform": "ln",
        "by": None,
        "expected": {
            None: {
                "n": ("30",),
                "mean": ("1.95", ".13"),
                "ci_lower": ("1.69",),
                "ci_upper": ("2.22",),
                "trimmed_mean_5": ("1.96",),
                "median": ("2.11",),
                "variance": (".49",),
                "sd": (".70",),
                "min": (".49",),
                "max": ("3.28",),
                "range": ("2.79",),
                "iqr": (".88",),
                "skewness": ("-.37", ".43"),
                "kurtosis": (".01", ".83"),
            },
        },
    },
}

# Tests of Normality: (Statistic, df, Sig.) of Shapiro-Wilk.
SHAPIRO_WILK = {
    "examine_shapiro_wilk_1_g1": {
        "source": ("examine.at", 1271, "EXAMINE -- shapiro-wilk 1"),
        "syntax": "SET FORMAT F22.3. EXAMINE x BY g /NOTOTAL /PLOT = all.  (g = 1)",
        "x": [96, 98, 95, 89, 90, 92, 94, 93, 97, 100],
        "expected": (".984", "10", ".983"),
    },
    "examine_shapiro_wilk_1_g2": {
        "source": ("examine.at", 1271, "EXAMINE -- shapiro-wilk 1"),
        "syntax": "SET FORMAT F22.3. EXAMINE x BY g /NOTOTAL /PLOT = all.  (g = 2)",
        "x": [99, 96, 80, 89, 91, 92, 93, 94, 99, 80],
        "expected": (".882", "10", ".136"),
    },
    "examine_shapiro_wilk_2": {
        "source": ("examine.at", 1327, "EXAMINE -- shapiro-wilk 2"),
        "syntax": "SET FORMAT F22.3. EXAMINE x /PLOT = boxplot.",
        "x": [65, 61, 63, 86, 70, 55, 74, 35, 72, 68, 45, 58],
        "expected": (".971", "12", ".922"),
    },
    "examine_non_numeric_id": {
        "source": ("examine.at", 703, "EXAMINE -- non-numeric ID"),
        "syntax": "SET SMALL=0. EXAMINE x /STATISTICS = extreme /ID = y /PLOT = boxplot.",
        "x": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 30, 300],
        "expected": (".37", "14", ".00"),
    },
}

# One-Sample Kolmogorov-Smirnov Test with the normal parameters estimated from the data:
# its "Most Extreme Differences, Absolute" is the statistic of the Lilliefors test (the
# significance is not: PSPP uses Kolmogorov's asymptotic distribution, not Lilliefors').
KOLMOGOROV_SMIRNOV = {
    "npar_ks_normal_foo": {
        "source": ("npar.at", 1383, "NPAR TESTS Kolmogorov-Smirnov Normal parameters imputed"),
        "syntax": "SET FORMAT = F12.3. NPAR TESTS /K-S (NORMAL) = foo bar.  (foo)",
        "x": _KS_FOO,
        "expected": {
            "n": "174",
            "mean": "62.109",
            "sd": "11.548",
            "absolute": ".059",
            "positive": ".055",
            "negative": "-.059",
            "ks_z": ".785",
            "asymp_sig_2": ".569",
        },
    },
    "npar_ks_normal_bar": {
        "source": ("npar.at", 1383, "NPAR TESTS Kolmogorov-Smirnov Normal parameters imputed"),
        "syntax": "SET FORMAT = F12.3. NPAR TESTS /K-S (NORMAL) = foo bar.  (bar)",
        "x": _KS_BAR,
        "expected": {
            "n": "48",
            "mean": "13.108",
            "sd": ".718",
            "absolute": ".115",
            "positive": ".115",
            "negative": "-.082",
            "ks_z": ".795",
            "asymp_sig_2": ".552",
        },
    },
}

# PSPP regression tests for these procedures that are not ported, and why.
NOT_PORTED = {
    ("examine.at", 252): "extremes with fractional weights: non-integer weights cannot be expanded to cases",
    ("examine.at", 191): "extremes: only case numbers of extreme values, which laktasi does not list",
    ("t-test.at", 491): "T-TEST /TESTVAL (one-sample t): laktasi has no one-sample t test",
    ("crosstabs.at", 957): "Pearson's R, lambda, Somers' d, tau, gamma, kappa, risk CIs: not computed",
    ("npar.at", 1135): "Cochran, Kendall, Friedman, Kruskal-Wallis, sign, runs, median, binomial",
    ("oneway.at", 19): "ONEWAY with three or more groups: laktasi's Levene test is for two groups",
}
