// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The terminal widget's feed path, without a server: what is fed is shown (escape sequences, UTF-8,
// 256 and true colours), every byte is accounted for through shown(), keystrokes come back as
// input(), and random bytes (broken UTF-8, cut escape sequences) do not crash it.

#include "ui/terminal/TerminalScreen.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTerminalScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsWhatIsFed();
    void accountsForEveryByte();
    void keystrokesBecomeInput();
    void reportsItsSize();
    void survivesRandomBytes();
    void throughput();
};

void TestTerminalScreen::throughput()
{
    ui::TerminalScreen screen;
    screen.resize(800, 500);
    screen.show();
    qint64 shown = 0;
    connect(&screen, &ui::TerminalScreen::shown, this, [&](qint64 bytes) { shown += bytes; });
    const QByteArray line = QByteArray(120, 'x') + "\r\n";
    QByteArray chunk;
    while (chunk.size() < 256 * 1024)
        chunk += line;
    QElapsedTimer clock;
    clock.start();
    qint64 fed = 0;
    while (fed < 10 * 1024 * 1024) {
        if (screen.pending() < 1024 * 1024) {
            screen.feed(chunk);
            fed += chunk.size();
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    QTRY_COMPARE_WITH_TIMEOUT(shown, fed, 120000);
    qInfo("10 MiB written in %lld ms", static_cast<long long>(clock.elapsed()));
    screen.feed("END-OF-IT\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(screen.text().contains(u"END-OF-IT"_s), 300000);
    qInfo("10 MiB shown in %lld ms", static_cast<long long>(clock.elapsed()));
}

void TestTerminalScreen::showsWhatIsFed()
{
    ui::TerminalScreen screen;
    screen.resize(800, 400);
    screen.show();
    screen.feed("plain \x1b[31mred\x1b[0m and \x1b[1;38;5;202mindexed\x1b[0m\r\n");
    screen.feed("\x1b[38;2;10;200;30mtrue colour\x1b[0m\r\n");
    screen.feed(u"UTF-8: grüße, 東京, ✓\r\n"_s.toUtf8());
    // A character cut in two between feeds is still one character.
    const QByteArray snowman = u"☃"_s.toUtf8();
    screen.feed("split " + snowman.left(1));
    screen.feed(snowman.mid(1) + "\r\n");
    screen.feed("\x1b]0;a title\x07"
                "after the title\r\n");
    QTRY_VERIFY2(screen.text().contains(u"after the title"_s), qPrintable(screen.text()));
    const QString text = screen.text();
    QVERIFY2(text.contains(u"plain red and indexed"_s), qPrintable(text));
    QVERIFY(text.contains(u"true colour"_s));
    QVERIFY(text.contains(u"UTF-8: grüße, 東京, ✓"_s));
    QVERIFY(text.contains(u"split ☃"_s));
    QVERIFY(!text.contains(u"\x1b"_s));
}

void TestTerminalScreen::accountsForEveryByte()
{
    ui::TerminalScreen screen;
    screen.show();
    qint64 shown = 0;
    connect(&screen, &ui::TerminalScreen::shown, this, [&](qint64 bytes) { shown += bytes; });
    // More than the widget's PTY holds at once: part waits, and goes once the widget has read.
    const QByteArray line = QByteArray(79, 'x') + "\r\n";
    qint64 fed = 0;
    for (int i = 0; i < 20000; ++i) {
        screen.feed(line);
        fed += line.size();
    }
    QVERIFY(screen.pending() > 0);
    screen.feed("the end\r\n");
    fed += 9;
    QTRY_COMPARE_WITH_TIMEOUT(shown, fed, 30000);
    QCOMPARE(screen.pending(), 0);
    QTRY_VERIFY(screen.text().contains(u"the end"_s));
}

void TestTerminalScreen::keystrokesBecomeInput()
{
    ui::TerminalScreen screen;
    screen.show();
    QByteArray typed;
    connect(&screen, &ui::TerminalScreen::input, this, [&](const QByteArray &data) { typed += data; });
    // QTermWidget's display (Konsole's TerminalDisplay) takes the keys.
    QWidget *display = nullptr;
    for (QWidget *child : screen.findChildren<QWidget *>()) {
        if (child->inherits("Konsole::TerminalDisplay"))
            display = child;
    }
    QVERIFY(display);
    QTest::keyClicks(display, u"ls -l"_s);
    QTest::keyClick(display, Qt::Key_Return);
    QTest::keyClick(display, Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(display, Qt::Key_Up);
    QCOMPARE(typed.left(6), QByteArray("ls -l\r"));
    QVERIFY2(typed.contains('\x03'), typed.toHex().constData());   // Ctrl+C for the remote program
    QVERIFY(typed.contains("\x1b[A") || typed.contains("\x1bOA")); // an arrow key's sequence
}

void TestTerminalScreen::reportsItsSize()
{
    ui::TerminalScreen screen;
    QSignalSpy sizes(&screen, &ui::TerminalScreen::sizeChanged);
    screen.resize(640, 300);
    screen.show();
    QTRY_VERIFY(!sizes.isEmpty());
    const int columns = sizes.last().at(0).toInt();
    QVERIFY(columns > 20);
    screen.resize(1200, 600);
    QTRY_VERIFY(sizes.last().at(0).toInt() > columns);
    QCOMPARE(sizes.last().at(0).toInt(), screen.columns());
    QCOMPARE(sizes.last().at(1).toInt(), screen.rows());
}

void TestTerminalScreen::survivesRandomBytes()
{
    ui::TerminalScreen screen;
    screen.resize(700, 400);
    screen.show();
    qint64 shown = 0;
    connect(&screen, &ui::TerminalScreen::shown, this, [&](qint64 bytes) { shown += bytes; });
    // Seeded, so a failure can be run again; pieces of real sequences among the noise make the
    // parser go deep into its states.
    QRandomGenerator random(20261207);
    const QList<QByteArray> pieces = {"\x1b[",
                                      "\x1b]",
                                      "\x1bP",
                                      "\x1b[?1049h",
                                      "\x1b[38;2;",
                                      "\x1b[999;999H",
                                      "\x1b[2J",
                                      "\x07",
                                      "\xe2\x98",
                                      "\xf0\x9f\x98\x80",
                                      "\xc3",
                                      "\r\n",
                                      "\x1b(0",
                                      "\x1b[?2004h",
                                      "\x1b[6n",
                                      "\x1b[?1000h",
                                      "\x1b]8;;http://x/\x1b\\"};
    qint64 fed = 0;
    for (int round = 0; round < 4000; ++round) {
        QByteArray chunk;
        const int parts = 1 + int(random.bounded(8));
        for (int part = 0; part < parts; ++part) {
            if (random.bounded(3) == 0) {
                chunk += pieces.at(int(random.bounded(qsizetype(pieces.size()))));
            } else {
                QByteArray noise(1 + int(random.bounded(64)), Qt::Uninitialized);
                for (char &byte : noise)
                    byte = char(random.bounded(256));
                chunk += noise;
            }
        }
        screen.feed(chunk);
        fed += chunk.size();
        if (round % 500 == 0)
            QTest::qWait(1); // let the widget read part of it on the way
    }
    // Back to a sane state (leave the alternate screen, reset), then a marker must show.
    const QByteArray reset = "\x18\x1b\\\x1b[?1049l\x1b"
                             "c\r\nmarker after noise\r\n";
    screen.feed(reset);
    fed += reset.size();
    QTRY_COMPARE_WITH_TIMEOUT(shown, fed, 30000);
    QTRY_VERIFY2(screen.text().contains(u"marker after noise"_s), qPrintable(screen.text().right(400)));
}

QTEST_MAIN(TestTerminalScreen)
#include "tst_terminalscreen.moc"
