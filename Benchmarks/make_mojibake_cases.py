#!/usr/bin/env python3
"""Writes Tests/SluiceTextTests/Fixtures/mojibake_cases.jsonl: mojibake test cases made
from clean sentences in many languages, deterministically.

Each line: {"id", "lang", "kind", "input", "expected"}.
- kind "cp1252", "latin1": the whole sentence's UTF-8 decoded once as Windows-1252
  (undefined bytes kept as C1 controls, as browsers and ftfy's "sloppy" codec do) or Latin-1;
- kind "cp1252x2": decoded twice;
- kind "partial": only one word is mojibake, the rest of the sentence is correct;
- kind "clean": correct text that must stay as it is (legitimate Ã, Â, Ð, ß, quotes after
  capitals …): input == expected.
The Swift test (MojibakeFixtureTests) and Benchmarks/compare_ftfy.py read this file.
Run from the repository root:  python3 Benchmarks/make_mojibake_cases.py
"""
import json

OUT = "Tests/SluiceTextTests/Fixtures/mojibake_cases.jsonl"

SENTENCES = [
    ("en", "It’s the “best” moment — they said… and left."),
    ("en", "The café’s crème brûlée costs €4.50 • open 9–17h."),
    ("en", "Temperatures reached 35°C in Seville on Monday."),
    ("fr", "L’été dernier, la société a augmenté ses prix de 3 %."),
    ("fr", "Où est la bibliothèque ? À côté de l’hôpital."),
    ("fr", "Ça a été une très belle soirée, déclare Hélène."),
    ("es", "El año pasado la economía española creció un 2,5 %."),
    ("es", "¿Qué pasó en la reunión del miércoles? ¡Nadie lo sabe!"),
    ("es", "La compañía anunció nuevas inversiones en Málaga."),
    ("de", "Die Größe des Gebäudes überrascht die Bürger."),
    ("de", "Straßenbahnen fahren ab Mittwoch wieder nach Plan."),
    ("de", "„Wir müssen handeln“, sagte der Bürgermeister."),
    ("pt", "A produção de café aumentou no último trimestre em São Paulo."),
    ("pt", "O governo português anunciou ações contra a inflação."),
    ("pt", "Ninguém sabe se a votação acontecerá amanhã."),
    ("it", "La città è più tranquilla del solito, però c’è traffico."),
    ("it", "Perché il governo non ha già approvato la riforma?"),
    ("pl", "Zażółć gęślą jaźń — to zdanie zawiera wszystkie polskie znaki."),
    ("pl", "Prezydent spotkał się z ministrem w środę."),
    ("cs", "Příliš žluťoučký kůň úpěl ďábelské ódy."),
    ("ro", "Guvernul a anunțat măsuri împotriva inflației în această săptămână."),
    ("tr", "Türkiye’nin başkenti Ankara’dır ve nüfusu artıyor."),
    ("hu", "Az árvíztűrő tükörfúrógép jól működik."),
    ("sv", "Rökfritt område: här får du inte röka, sa han på svenska."),
    ("is", "Þjóðin kaus í gær og úrslitin liggja fyrir."),
    ("ru", "Привет, мир! Сотрудничество между Москвой и Пекином."),
    ("ru", "Президент заявил, что переговоры продолжатся в июле."),
    ("uk", "Київ — столиця України, її населення близько трьох мільйонів."),
    ("bg", "България е член на Европейския съюз от 2007 година."),
    ("el", "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας."),
    ("el", "Οι εκλογές θα γίνουν τον επόμενο μήνα."),
    ("he", "ירושלים היא עיר הבירה של ישראל."),
    ("ar", "قال الرئيس إن التعاون لا يستهدف أحداً."),
    ("fa", "تهران پایتخت ایران است."),
    ("hi", "भारत की राजधानी नई दिल्ली है।"),
    ("th", "กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย"),
    ("vi", "Hà Nội là thủ đô của Việt Nam, còn Sài Gòn là thành phố lớn nhất."),
    ("vi", "Nguyễn Thị Minh Khai là một nhà cách mạng."),
    ("zh", "中国国家主席习近平出席上海合作组织峰会。"),
    ("zh", "今天的天气很好，我们去公园散步吧。"),
    ("ja", "日本語の文章です。東京は日本の首都です。"),
    ("ja", "カタカナとひらがなを使います。"),
    ("ko", "서울은 대한민국의 수도입니다."),
    ("emoji", "Great news 🎉 see you there 😀👍"),
    ("en", "Price: £20 or ¥3000 — 50% off ™ and © 2024."),
    ("fr", "Le président a déclaré : « Nous irons jusqu’au bout. »"),
    ("de", "Österreichs Äpfel und Übermaß an Ölgemälden."),
    ("es", "Señor Muñoz, ¿cuántos niños participarán?"),
    ("pt", "A eleição em Brasília mobilizou milhões de eleitores."),
    ("it", "Lunedì sarà una giornata importante per l’Italia."),
]

# Correct text that looks like mojibake to a careless repairer: must stay unchanged.
CLEAN = [
    ("pt", "“SÃO PAULO” venceu; a torcida gritou “É CAMPEÃ”."),
    ("pt", "JOÃO E MARIA FORAM À CIDADE."),
    ("pt", "Ela disse “AMANHÔ e saiu."),
    ("pt", "A IRMÔ chegou cedo."),
    ("vi", "Ông Nguyễn Văn Ã là người Hà Nội."),
    ("pt", "Conceição, Simões, Guimarães, Magalhães."),
    ("de", "„FUSS“ schreibt man heute „FUẞ“ oder „Fuß“."),
    ("de", "Der Preis beträgt 10 € — „GROẞ“ und „MAß“."),
    ("is", "Þórður og Ðóra búa í Reykjavík."),
    ("fr", "La lettre «É» et la lettre «À»."),
    ("fr", "ÉTÉ 2024 : À VOIR ABSOLUMENT…"),
    ("es", "AÑO NUEVO… ¡FELIZ AÑO!"),
    ("en", "Â is a letter in Romanian and French."),
    ("ro", "ÎN ROMÂNIA, ȘI ÎN MOLDOVA."),
    ("en", "Temperatures: 35°C, 95°F, ±2° margin."),
    ("en", "Prices in £, €, ¥ and ¢; © 2024 ACME™."),
    ("da", "Ærø og Æbelø er øer i Danmark."),
    ("sv", "Åsa och Örjan bor i Åre."),
    ("en", "He quoted “Ç” and “Ð” as examples."),
    ("ru", "Привет, мир! Всё в порядке."),
    ("el", "Ευχαριστώ πολύ για όλα."),
    ("zh", "中文文本不应被修改。"),
    ("ar", "النص العربي يبقى كما هو."),
    ("en", "The café serves crème brûlée."),
    ("fr", "À bientôt, Élodie !"),
]

BYTES_UNDEFINED_IN_1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def sloppy1252(b: bytes) -> str:
    return "".join(chr(x) if x in BYTES_UNDEFINED_IN_1252 else bytes([x]).decode("cp1252") for x in b)


def latin1(b: bytes) -> str:
    return b.decode("latin-1")


def garble(s: str, codec) -> str:
    return codec(s.encode("utf-8"))


def main() -> None:
    rows = []
    for k, (lang, s) in enumerate(SENTENCES):
        rows.append({"lang": lang, "kind": "cp1252", "input": garble(s, sloppy1252), "expected": s})
        rows.append({"lang": lang, "kind": "latin1", "input": garble(s, latin1), "expected": s})
        rows.append({"lang": lang, "kind": "cp1252x2", "input": garble(garble(s, sloppy1252), sloppy1252), "expected": s})
        # Partial: the first word with a non-ASCII letter is garbled, the rest stays correct.
        words = s.split(" ")
        for i, w in enumerate(words):
            if any(ord(c) > 127 for c in w):
                words[i] = garble(w, sloppy1252 if k % 2 == 0 else latin1)
                break
        partial = " ".join(words)
        if partial != s:
            rows.append({"lang": lang, "kind": "partial", "input": partial, "expected": s})
    for lang, s in CLEAN:
        rows.append({"lang": lang, "kind": "clean", "input": s, "expected": s})
    with open(OUT, "w", encoding="utf-8") as f:
        for n, r in enumerate(rows):
            r = {"id": "m%03d" % n, **r}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds = {}
    for r in rows:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print("%s: %d cases %s" % (OUT, len(rows), kinds))


if __name__ == "__main__":
    main()
