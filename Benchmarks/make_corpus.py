#!/usr/bin/env python3
"""Generate a deterministic, realistic news-like JSONL corpus for benchmarks.

    python3 Benchmarks/make_corpus.py OUT_DIR --mb 200 --files 8 [--seed 1]

Writes OUT_DIR/part-XXX.jsonl.zst (zstd -3). Articles are assembled from sentence
templates in eight languages with the noise real dumps carry: trailing hashtag and
timestamp lines, NBSP and zero-width spaces, CRLF, doubled spaces, stray ". ,",
glued "[…]we", HTML entities, mojibake, abbreviations and numbers, ~1% exact
duplicates and ~0.1% bad records (invalid JSON, non-string text). All text is
generated here (CC0).
"""
import argparse, json, os, random, subprocess

SUBJECTS = {
    "en": ["The city council", "Prime Minister Ellis", "Dr. Hannah Morrow", "The central bank", "Local farmers",
           "The U.S. delegation", "Mr. Okafor", "Researchers at Northgate University", "The ministry", "Union leaders"],
    "de": ["Der Stadtrat", "Die Bundesregierung", "Prof. Dr. Weber", "Die Zentralbank", "Viele Landwirte", "Die Gewerkschaft"],
    "fr": ["Le conseil municipal", "La ministre", "M. Durand", "La banque centrale", "Les agriculteurs", "Le syndicat"],
    "es": ["El ayuntamiento", "La ministra", "El Sr. García", "El banco central", "Los agricultores", "El sindicato"],
    "it": ["Il consiglio comunale", "La ministra", "Il dott. Rossi", "La banca centrale", "Gli agricoltori"],
    "pt": ["A câmara municipal", "O ministro", "A Dra. Costa", "O banco central", "Os agricultores"],
    "ru": ["Городской совет", "Министр финансов", "Центральный банк", "Фермеры региона", "Профсоюз"],
    "nl": ["De gemeenteraad", "De minister", "Dhr. de Vries", "De centrale bank", "De boeren"],
}
VERBS = {
    "en": ["announced on Tuesday that", "said in a statement that", "warned that", "confirmed at 9:30 a.m. that", "told reporters that"],
    "de": ["teilte am Dienstag mit, dass", "erklärte, dass", "warnte, dass", "bestätigte am 3. Oktober, dass"],
    "fr": ["a annoncé mardi que", "a déclaré que", "a averti que", "a confirmé que"],
    "es": ["anunció el martes que", "dijo en un comunicado que", "advirtió que", "confirmó que"],
    "it": ["ha annunciato martedì che", "ha dichiarato che", "ha avvertito che"],
    "pt": ["anunciou na terça-feira que", "disse em comunicado que", "alertou que"],
    "ru": ["заявил во вторник, что", "сообщил, что", "предупредил, что"],
    "nl": ["maakte dinsdag bekend dat", "zei in een verklaring dat", "waarschuwde dat"],
}
OBJECTS = {
    "en": ["spending would rise by 4.5 percent next year", "the new bridge would open in 2026", "prices had fallen for the third month in a row",
           "about 12,000 homes were still without power", "talks would resume after the summer break", "the plan would cost $3.2 billion"],
    "de": ["die Ausgaben im nächsten Jahr um 4,5 Prozent steigen würden", "die neue Brücke 2026 eröffnet werde", "rund 12.000 Haushalte ohne Strom seien"],
    "fr": ["les dépenses augmenteraient de 4,5 % l'an prochain", "le nouveau pont ouvrirait en 2026", "environ 12 000 foyers étaient privés d'électricité"],
    "es": ["el gasto aumentaría un 4,5 % el próximo año", "el nuevo puente abriría en 2026", "unos 12.000 hogares seguían sin luz"],
    "it": ["la spesa aumenterà del 4,5% il prossimo anno", "il nuovo ponte aprirà nel 2026", "circa 12.000 case erano senza corrente"],
    "pt": ["os gastos subiriam 4,5% no próximo ano", "a nova ponte abriria em 2026", "cerca de 12 mil casas estavam sem luz"],
    "ru": ["расходы вырастут на 4,5 процента в следующем году", "новый мост откроется в 2026 году", "около 12 тысяч домов остаются без света"],
    "nl": ["de uitgaven volgend jaar met 4,5 procent stijgen", "de nieuwe brug in 2026 opengaat", "zo'n 12.000 huizen zonder stroom zaten"],
}
QUOTES = {
    "en": ["“We are not giving up[…]we are simply changing course,” she said.", "\"Is this the end?\" he asked. \"No.\"", "Critics called the decision “premature”."],
    "de": ["„Wir geben nicht auf“, sagte sie.", "Kritiker nannten die Entscheidung „verfrüht“."],
    "fr": ["« Nous n'abandonnons pas », a-t-elle dit.", "Les critiques ont jugé la décision « prématurée »."],
    "es": ["«No nos rendimos», dijo ella.", "Los críticos calificaron la decisión de «prematura»."],
    "it": ["«Non ci arrendiamo», ha detto.", "I critici hanno definito la decisione «prematura»."],
    "pt": ["“Não vamos desistir”, disse ela.", "Os críticos chamaram a decisão de “prematura”."],
    "ru": ["«Мы не сдаёмся», — сказала она.", "Критики назвали решение «преждевременным»."],
    "nl": ["‘We geven niet op’, zei ze.", "Critici noemden het besluit ‘voorbarig’."],
}
LANGS = ["en"] * 8 + ["de", "de", "fr", "fr", "es", "es", "it", "pt", "ru", "nl"]
TAGS = ["economy", "Putin", "climate", "election", "summit", "energy", "football", "health", "Kazakhstan", "budget"]


SYLLABLES = ["ka", "lo", "mer", "an", "sti", "vel", "or", "pa", "ri", "ton", "de", "bru", "sa", "len", "qui", "mo",
             "har", "el", "ny", "gor", "ta", "vin", "ash", "ford", "ber", "ly", "chen", "za", "ro", "dor", "wick", "ham"]


def make_vocabulary(rng, n=30000):
    """Pseudo-words with Zipf-like frequencies: real text's vocabulary keeps zstd near 3:1."""
    words = []
    for _ in range(n):
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([1, 2, 2, 3, 3, 4])))
        words.append(w)
    cum, total = [], 0.0
    for i in range(n):
        total += 1.0 / (i + 1) ** 0.9
        cum.append(total)
    return words, cum


VOCAB = None


def phrase(rng, k):
    words, cum = VOCAB
    return " ".join(rng.choices(words, cum_weights=cum, k=k))


def sentence(rng, lang):
    name = phrase(rng, 1).capitalize() + " " + phrase(rng, 1).capitalize()
    extra = phrase(rng, rng.randint(2, 9))
    number = rng.choice([f"{rng.randint(2, 999)}", f"{rng.randint(1, 99)}.{rng.randint(0, 9)}", f"{rng.randint(1000, 99999):,}"])
    return (f"{rng.choice(SUBJECTS[lang])} {rng.choice(VERBS[lang])} {rng.choice(OBJECTS[lang])}, "
            f"{extra} {number} {name}.")


def article(rng, lang):
    paras = []
    for _ in range(rng.randint(3, 8)):
        sents = [sentence(rng, lang) for _ in range(rng.randint(2, 5))]
        if rng.random() < 0.3:
            sents.insert(rng.randint(0, len(sents)), rng.choice(QUOTES[lang]))
        p = " ".join(sents)
        r = rng.random()
        if r < 0.05:
            p = p.replace(". ", ". , which ", 1)
        elif r < 0.10:
            p = p.replace(" ", "\u00a0", 2)
        elif r < 0.13:
            p = p.replace(" ", "  ", 3)
        elif r < 0.15:
            p = p.replace("e", "e\u200b", 1)
        elif r < 0.17:
            p = p.replace("’", "â€™").replace("é", "Ã©")
        elif r < 0.19:
            p = p + " &amp; more &quot;news&quot;"
        paras.append(p)
    sep = "\n\n" if rng.random() < 0.5 else "\n"
    text = sep.join(paras)
    if rng.random() < 0.4:
        text += "\n" + " ".join("#" + t for t in rng.sample(TAGS, rng.randint(2, 5)))
    if rng.random() < 0.4:
        text += f"\n2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    if rng.random() < 0.05:
        text = text.replace("\n", "\r\n")
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--level", type=int, default=3)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    global VOCAB
    VOCAB = make_vocabulary(random.Random(12345))
    per_file = int(a.mb * 1e6 / a.files)
    n = 0
    recent = []
    for f in range(a.files):
        path = os.path.join(a.out, f"part-{f:03d}.jsonl")
        size = 0
        with open(path, "w", encoding="utf-8") as out:
            while size < per_file:
                n += 1
                r = rng.random()
                if r < 0.0005:
                    line = '{"id": "bad-%d", "text": "cut off' % n
                elif r < 0.001:
                    line = json.dumps({"id": f"bad-{n}", "text": n})
                else:
                    lang = rng.choice(LANGS)
                    text = rng.choice(recent) if recent and rng.random() < 0.01 else article(rng, lang)
                    recent = (recent + [text])[-50:]
                    rec = {"id": f"doc-{n:08d}", "url": f"https://news{n % 97}.example/{lang}/{n}",
                           "title": sentence(rng, lang)[:-1], "text": text, "source": f"news{n % 97}.example",
                           "meta": {"section": rng.choice(["world", "business", "sport"]), "score": round(rng.random(), 3)}}
                    line = json.dumps(rec, ensure_ascii=False)
                out.write(line + "\n")
                size += len(line.encode()) + 1
        subprocess.run(["zstd", f"-{a.level}", "-q", "-f", "--rm", path], check=True)
    print(f"{n} records, {a.files} files in {a.out}")


if __name__ == "__main__":
    main()
