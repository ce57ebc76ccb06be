"""WhatsApp exports: Android and iOS, 12/24h, locales, date order, notices, media."""

import json
from datetime import datetime

import pytest

from olivebranch.chat import read_chat
from olivebranch.chat.whatsapp import parse
from olivebranch.errors import InputError
from tests.chat.conftest import FIXTURES


def test_android_24h_day_first_with_multiline_media_and_notices():
    msgs = read_chat(FIXTURES / "whatsapp_android_24h.txt")
    # 14 lines: 2 notices (encryption, changed number) and 1 continuation line.
    assert len(msgs) == 12
    assert {m.sender for m in msgs} == {"Sam", "Alex Kim"}
    assert msgs[0].time == datetime(2026, 1, 14, 9, 0)
    media = [m for m in msgs if m.is_media]
    assert [(m.text, m.words) for m in media] == [("<Media omitted>", 0)]
    multi = msgs[5]
    assert multi.text == "Sure, Friday works\nSee you at 7" and multi.words == 7
    assert msgs[6].text == "👍" and msgs[6].words == 0 and not msgs[6].is_media
    assert not any("phone number" in m.text or "encrypted" in m.text for m in msgs)
    assert msgs[-1].time == datetime(2026, 2, 13, 9, 0)


def test_android_12h_us_with_narrow_no_break_space():
    msgs = read_chat(FIXTURES / "whatsapp_android_12h_us.txt")
    assert [m.time for m in msgs] == [
        datetime(2026, 1, 25, 23, 59),
        datetime(2026, 1, 26, 0, 15),  # 12:15 AM
        datetime(2026, 1, 26, 0, 16),
        datetime(2026, 1, 26, 12, 30),  # 12:30 PM
        datetime(2026, 1, 26, 12, 31),
        datetime(2026, 1, 26, 13, 5),
    ]
    assert [m.is_media for m in msgs] == [False, False, True, True, False, False]
    assert msgs[4].text == "This message was deleted" and msgs[4].words == 0
    assert msgs[5].text == "Lunch soon?"  # "<This message was edited>" dropped


def test_ios_brackets_encryption_notice_under_a_sender_and_media():
    msgs = read_chat(FIXTURES / "whatsapp_ios.txt")
    texts = [m.text for m in msgs]
    assert not any("encrypted" in t or "security code" in t or "Missed voice call" in t for t in texts)
    assert len(msgs) == 6
    assert msgs[0].time == datetime(2026, 1, 14, 9, 1, 30)
    assert [m.text for m in msgs if m.is_media] == [
        "image omitted",
        "<attached: 00000012-PHOTO-2026-01-14-09-21-00.jpg>",
        "sticker omitted",
    ]
    assert all(m.words == 0 for m in msgs if m.is_media)
    assert msgs[2].text == "Haha that photo\nI still have the mug\nand the hat" and msgs[2].words == 11


def test_ios_us_month_first_12h():
    msgs = read_chat(FIXTURES / "whatsapp_ios_us.txt")
    assert [m.time for m in msgs] == [
        datetime(2026, 1, 14, 9, 1),
        datetime(2026, 1, 14, 12, 0, 30),
        datetime(2026, 1, 14, 12, 5),
        datetime(2026, 2, 3, 19, 45),
    ]
    assert msgs[2].is_media


def test_german_dotted_two_digit_years():
    msgs = read_chat(FIXTURES / "whatsapp_german.txt")
    assert [m.time for m in msgs] == [
        datetime(2026, 1, 14, 9, 0),
        datetime(2026, 1, 14, 9, 45),
        datetime(2026, 1, 14, 9, 46),
        datetime(2026, 1, 15, 21, 30),
    ]
    assert msgs[2].is_media and msgs[0].words == 5


def test_ambiguous_dates_say_so_and_take_a_flag():
    path = FIXTURES / "whatsapp_ambiguous.txt"
    with pytest.raises(InputError, match="no day is above 12.*--dayfirst or --monthfirst"):
        read_chat(path)
    assert read_chat(path, dayfirst=True)[2].time == datetime(2026, 5, 4, 8, 0)
    assert read_chat(path, dayfirst=False)[2].time == datetime(2026, 4, 5, 8, 0)


def test_flag_that_contradicts_the_file_is_refused():
    with pytest.raises(InputError, match="--monthfirst does not fit"):
        read_chat(FIXTURES / "whatsapp_android_24h.txt", dayfirst=False)
    with pytest.raises(InputError, match="--dayfirst does not fit"):
        read_chat(FIXTURES / "whatsapp_ios_us.txt", dayfirst=True)


def test_year_first_dates_and_dash_separators():
    msgs = parse("2026-01-14 09:00 - Sam: hi there\n2026-01-14 09:05 - Alex: hello\n")
    assert [m.time for m in msgs] == [datetime(2026, 1, 14, 9, 0), datetime(2026, 1, 14, 9, 5)]


def test_spanish_style_pm_marker():
    msgs = parse("14/1/26, 3:05 p. m. - Ana: hola\n14/1/26, 3:07 p. m. - Luis: ¿qué tal?\n")
    assert msgs[0].time == datetime(2026, 1, 14, 15, 5)


def test_impossible_date_is_refused_with_its_line():
    with pytest.raises(InputError, match="line 2"):
        parse("14/01/2026, 09:00 - Sam: hi\n31/02/2026, 09:00 - Alex: hey\n")


def test_text_before_first_header_is_not_whatsapp():
    with pytest.raises(InputError, match="line 1"):
        parse("hello\n14/01/2026, 09:00 - Sam: hi\n")


@pytest.mark.parametrize("text", ["Missed voice call, sorry I was driving. Call you back later",
                                  "You blocked this contact by accident? lol", "Video call later?",
                                  "Messages and calls are end-to-end encrypted, right?",
                                  "I heard Jo changed her phone number"])
def test_typed_words_that_start_like_a_notice_are_messages(text):
    (msg,) = parse(f"[14/01/2026, 09:10:00] Alex: {text}\n")
    assert msg.text == text and msg.words > 0


@pytest.mark.parametrize("text", ["Missed voice call", "\u200eMissed video call, \u200eTap to call back",
                                  "You blocked this contact. Tap to unblock.", "Video call, 12 min",
                                  "Your security code with Sam changed. Tap to learn more.",
                                  "Alex changed their phone number to a new number. Tap to message or add the new number.",
                                  "Alex turned on disappearing messages. New messages will disappear from this chat after 7 days."])
def test_notices_under_a_name_are_not_messages(text):
    assert [m.text for m in parse(f"[14/01/2026, 09:00:00] Sam: hi\n[14/01/2026, 09:10:00] Alex: {text}\n")] == ["hi"]


# --- header shapes of other locales (connector words, AM/PM words before or after the time, Buddhist years) ---

@pytest.mark.parametrize("text, times", [
    # French Android: "à" between date and time.
    ("14/01/2026 à 09:00 - Camille: Salut\n14/01/2026 à 21:05 - Sam: Coucou\n",
     [datetime(2026, 1, 14, 9, 0), datetime(2026, 1, 14, 21, 5)]),
    # Finnish: "klo", and dots in the time.
    ("14.1.2026 klo 9.01 - Aino: Moi\n15.1.2026 klo 17.45 - Sam: Hei\n",
     [datetime(2026, 1, 14, 9, 1), datetime(2026, 1, 15, 17, 45)]),
    ("[14.1.2026 klo 9.01.30] Aino: Moi\n[15.1.2026 klo 17.45.00] Sam: Hei\n",
     [datetime(2026, 1, 14, 9, 1, 30), datetime(2026, 1, 15, 17, 45)]),
    # German with "um".
    ("14.01.26 um 09:00 - Jonas: Hallo\n14.01.26 um 09:02 - Sam: Hi\n",
     [datetime(2026, 1, 14, 9, 0), datetime(2026, 1, 14, 9, 2)]),
    # Korean: "2026. 1. 14." and 오전/오후 before the time, Android and iOS.
    ("2026. 1. 14. 오전 9:01 - 민준: 안녕\n2026. 1. 14. 오후 12:30 - Sam: 네\n2026. 1. 15. 오전 12:05 - 민준: 잘자\n",
     [datetime(2026, 1, 14, 9, 1), datetime(2026, 1, 14, 12, 30), datetime(2026, 1, 15, 0, 5)]),
    ("[2026. 1. 14. 오후 9:01:30] 민준: 안녕\n[2026. 1. 14. 오후 9:02:00] Sam: 네\n",
     [datetime(2026, 1, 14, 21, 1, 30), datetime(2026, 1, 14, 21, 2)]),
    # Chinese: 上午/下午 straight before the time.
    ("2026/1/14 上午9:01 - 小明: 你好\n2026/1/14 下午3:30 - Sam: 嗨\n",
     [datetime(2026, 1, 14, 9, 1), datetime(2026, 1, 14, 15, 30)]),
    ("[2026/1/14 下午9:01:30] 小明: 你好\n[2026/1/14 下午9:02:00] Sam: 嗨\n",
     [datetime(2026, 1, 14, 21, 1, 30), datetime(2026, 1, 14, 21, 2)]),
    # Japanese: 午前/午後.
    ("2026/01/14 午後3:05 - 花子: こんにちは\n2026/01/14 午前11:00 - Sam: やあ\n",
     [datetime(2026, 1, 14, 15, 5), datetime(2026, 1, 14, 11, 0)]),
    # Greek and Arabic: their own AM/PM after the time; Arabic's comma and digits.
    ("14/1/26, 9:01 μ.μ. - Νίκος: Γεια\n14/1/26, 9:03 π.μ. - Sam: Hi\n",
     [datetime(2026, 1, 14, 21, 1), datetime(2026, 1, 14, 9, 3)]),
    ("14/1/2026، 9:01 م - سارة: مرحبا\n١٤/١/٢٠٢٦، ٩:٠٥ ص - Sam: hi\n",
     [datetime(2026, 1, 14, 21, 1), datetime(2026, 1, 14, 9, 5)]),
])
def test_headers_of_other_locales(text, times):
    assert [m.time for m in parse(text)] == times


@pytest.mark.parametrize("text, first", [
    ("14/1/2569 09:01 - Somchai: สวัสดี\n14/1/2569 09:05 - Sam: hi\n", datetime(2026, 1, 14, 9, 1)),
    ("[3/18/2565 BE, 14:56:01] Somchai: hello\n[3/27/2565 BE, 21:41:35] Sam: hi\n", datetime(2022, 3, 18, 14, 56, 1)),
])
def test_buddhist_years_are_read_as_the_common_era(text, first):
    assert parse(text)[0].time == first


def test_a_thai_export_through_the_cli_is_not_ahead_of_the_clock(cli, tmp_path):
    path = tmp_path / "chat.txt"
    path.write_text("14/1/2567 09:01 - Somchai: สวัสดี\n14/1/2567 09:05 - Sam: hi\n", encoding="utf-8")
    r = cli("signals", "--export", str(path), "--me", "Sam", "--json")  # no --now: checked against this clock
    assert r.code == 0, r.err
    assert json.loads(r.out)["months"][0]["month"] == "2024-01"


def test_every_header_word_in_the_data_is_read():
    from olivebranch.data import read_toml

    header = read_toml("whatsapp.toml")["header"]
    for word in header["connectors"]:
        assert parse(f"14/01/2026 {word} 09:00 - Sam: hi\n")[0].time == datetime(2026, 1, 14, 9, 0), word
    for key, hour in (("am", 9), ("pm", 21)):
        for word in header[key]:
            assert parse(f"14/01/2026, 9:01 {word} - Sam: hi\n")[0].time.hour == hour, word
            assert parse(f"[14/01/2026, {word} 9:01:00] Sam: hi\n")[0].time.hour == hour, word
            assert parse(f"14/01/2026, 9:01 {word.upper()} - Sam: hi\n")[0].time.hour == hour, word


# --- notices and media placeholders in other languages (data/whatsapp.toml) ---

def test_german_ios_notices_media_and_deleted():
    msgs = read_chat(FIXTURES / "whatsapp_german_ios.txt")
    # 9 lines: the encryption notice under Jonas's name, a missed call and a security-code notice are not messages.
    assert [(m.sender, m.words, m.is_media) for m in msgs] == [
        ("Lena", 6, False), ("Jonas", 2, False), ("Jonas", 0, True), ("Jonas", 0, True),
        ("Lena", 0, False), ("Lena", 3, False),
    ]
    assert msgs[-1].text == "Schön! Bis später"  # "<Diese Nachricht wurde bearbeitet>" dropped


ENCRYPTED = {
    "en": "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.",
    "de": "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder anhören, nicht einmal WhatsApp.",
    "de (shortened)": "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt…",
    "es": "Los mensajes y las llamadas están cifrados de extremo a extremo. Nadie fuera de este chat, ni siquiera WhatsApp, puede leerlos ni escucharlos.",
    "fr": "Les messages et les appels sont chiffrés de bout en bout. Aucun tiers, pas même WhatsApp, ne peut les lire ou les écouter.",
    "it": "I messaggi e le chiamate sono crittografati end-to-end. Nessuno al di fuori di questa chat, nemmeno WhatsApp, può leggerne o ascoltarne il contenuto.",
    "pt": "As mensagens e chamadas são encriptadas ponto a ponto. Ninguém fora desta conversa, nem mesmo o WhatsApp, pode ler ou ouvi-las.",
    "pt-BR": "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta e ficam somente entre você e os participantes desta conversa. Nem mesmo o WhatsApp pode ler ou ouvi-las.",
    "nl": "Berichten en gesprekken worden end-to-end versleuteld. Niemand buiten deze chat kan ze lezen of beluisteren, zelfs WhatsApp niet.",
    "ru": "Сообщения и звонки защищены сквозным шифрованием. Третьи лица, включая WhatsApp, не могут прочитать ваши сообщения или прослушать звонки.",
    "tr": "Mesajlar ve aramalar uçtan uca şifrelidir. WhatsApp da dahil olmak üzere bu sohbetin dışında bulunan hiç kimse mesaj ve aramalarınızı okuyamaz ve dinleyemez.",
    "pl": "Wiadomości i połączenia są w pełni zaszyfrowane. Nikt spoza czatu, nawet WhatsApp, nie może ich odczytać ani odsłuchać.",
    "de (2016)": "Nachrichten in diesem Chat sowie Anrufe sind jetzt mit Ende-zu-Ende-Verschlüsselung geschützt. Tippe für mehr Infos.",
    "fr (2016)": "Les messages envoyés dans cette discussion et les appels sont désormais protégés avec le chiffrement de bout en bout. Appuyez pour plus d'informations.",
    "it (2016)": "I messaggi inviati a questa chat e le chiamate sono ora protetti con la crittografia end-to-end. Tocca per maggiori info.",
}


@pytest.mark.parametrize("notice", ENCRYPTED.values(), ids=ENCRYPTED.keys())
def test_the_encryption_notice_in_each_language_is_not_a_message(notice):
    ios = parse(f"[14/01/2026, 09:00:00] Alex: \u200e{notice}\n[14/01/2026, 09:01:00] Sam: hi\n")
    android = parse(f"14/01/2026, 09:00 - {notice}\n14/01/2026, 09:01 - Sam: hi\n")
    assert [m.text for m in ios] == [m.text for m in android] == ["hi"]


@pytest.mark.parametrize("notice", [
    "Verpasster Sprachanruf", "Llamada perdida", "Appel vocal manqué", "Chiamata vocale persa", "Chamada de voz perdida",
    "Gemist spraakgesprek", "Пропущенный аудиозвонок", "Cevapsız sesli arama", "Nieodebrane połączenie głosowe",
    "Votre code de sécurité avec Sam a changé. Appuyez pour en savoir plus.",
    "Il tuo codice di sicurezza con Sam è cambiato. Tocca per saperne di più.",
    "Sam ile aranızdaki güvenlik kodu değişti. Daha fazla bilgi edinmek için dokunun.",
])
def test_other_notices_under_a_name_are_not_messages(notice):
    assert [m.text for m in parse(f"[14/01/2026, 09:00:00] Sam: hi\n[14/01/2026, 09:10:00] Alex: {notice}\n")] == ["hi"]


@pytest.mark.parametrize("placeholder", [
    "Bild weggelassen", "<Medien ausgeschlossen>", "<Media omessi>", "immagine omessa", "\u2039Mídia oculta>",
    "<Mídia oculta>", "imagem ocultada", "figurinha omitida", "\u2039Без медиафайлов>", "изображение отсутствует",
    "<Multimedia omitido>", "imagen omitida", "<Médias omis>", "image absente", "<Media weggelaten>",
    "afbeelding weggelaten", "<Medya dahil edilmedi>", "görüntü dahil edilmedi", "<Pominięto multimedia>",
    "Menu.pdf • 2 Seiten Dokument weggelassen", "<Anhang: 00000012-PHOTO-2026-01-14-09-21-00.jpg>",
    "IMG-20260114-WA0001.jpg (Datei angehängt)", "IMG-20260114-WA0001.jpg (file allegato)",
])
def test_media_placeholders_in_each_language_have_no_words(placeholder):
    (msg,) = parse(f"[14/01/2026, 09:10:00] Alex: \u200e{placeholder}\n")
    assert (msg.words, msg.is_media) == (0, True)


@pytest.mark.parametrize("deleted", [
    "Diese Nachricht wurde gelöscht.", "Se eliminó este mensaje.", "Ce message a été supprimé.",
    "Questo messaggio è stato eliminato", "Esta mensagem foi apagada", "Dit bericht is verwijderd.",
    "Данное сообщение удалено.", "Bu mesaj silindi.", "Ta wiadomość została usunięta",
])
def test_deleted_messages_in_each_language_have_no_words(deleted):
    (msg,) = parse(f"[14/01/2026, 09:10:00] Alex: \u200e{deleted}\n")
    assert (msg.words, msg.is_media) == (0, False)


@pytest.mark.parametrize("text", ["Bild weggelassen, sorry", "Kein Bild weggelassen!", "<Media omessi> lol",
                                  "Llamada perdida, te llamo luego", "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt, oder?"])
def test_typed_words_that_start_like_a_notice_or_placeholder_in_another_language_are_messages(text):
    (msg,) = parse(f"[14/01/2026, 09:10:00] Alex: {text}\n")
    assert msg.words > 0 and not msg.is_media


def test_the_data_s_notices_media_and_deleted_messages_read_as_such():
    from olivebranch.data import read_toml

    data = read_toml("whatsapp.toml")
    for group in data["notices"].values():
        for notice in group:  # sorted by first character, or by the word after a name: see the data's comment
            assert notice.startswith("{name} ") or notice[0] not in "\\([{.*+?|^$", notice
    assert all(mark.endswith(">") for mark in data["edited"]["suffixes"])  # the parser looks for one only then
    for placeholder in data["media"]["placeholders"]:
        (msg,) = parse(f"[14/01/2026, 09:10:00] Alex: \u200e{placeholder}\n")
        assert (msg.words, msg.is_media) == (0, True), placeholder
    for deleted in data["deleted"]["messages"]:
        (msg,) = parse(f"14/01/2026, 09:10 - Alex: {deleted}\n")
        assert (msg.words, msg.is_media) == (0, False), deleted
    for mark in data["edited"]["suffixes"]:
        (msg,) = parse(f"14/01/2026, 09:10 - Alex: see you at 7 {mark}\n")
        assert msg.text == "see you at 7", mark


def test_a_named_notice_is_found_whatever_word_comes_first():
    assert [m.text for m in parse("[14/01/2026, 09:00:00] Sam: hi\n"
                                  "[14/01/2026, 09:10:00] Alex: Jo uses changed their phone number to a new number.\n")] == ["hi"]


# --- telling a WhatsApp export from other text ---

def shopping_list(items: int) -> str:
    """An export whose first message has ``items`` continuation lines."""
    return ("14/01/2026, 09:00 - Sam: Shopping list\n" + "".join(f"- item {i}\n" for i in range(items))
            + "14/01/2026, 09:05 - Alex: ok\n14/01/2026, 09:06 - Sam: thanks\n")


@pytest.mark.parametrize("items", [4, 5, 60])
def test_a_first_message_of_many_lines_is_still_a_whatsapp_export(tmp_path, items):
    path = tmp_path / "chat.txt"
    path.write_text(shopping_list(items), encoding="utf-8")
    msgs = read_chat(path)
    assert [m.sender for m in msgs] == ["Sam", "Alex", "Sam"]
    assert msgs[0].text.count("\n") == items


@pytest.mark.parametrize("text", [
    "date,sender,text\n2026-01-14,Sam,hi\n2026-01-14,Alex,hey\n",
    "# Notes\n\n14/01/2026: went running\n15/01/2026: rest day\n16/01/2026: ran 5k\n",
    "Shopping list\n- milk\n- eggs\n- bread\n- butter\n14/01/2026, 09:05 - Alex: ok\n",  # one header in the middle
    "".join(f"line {i} of my diary\n" for i in range(60)) + "14/01/2026, 09:05 - Alex: ok\n14/01/2026, 09:06 - Sam: hi\n",
])
def test_other_text_is_not_taken_for_a_whatsapp_export(tmp_path, text):
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="does not look like a chat export"):
        read_chat(path)
