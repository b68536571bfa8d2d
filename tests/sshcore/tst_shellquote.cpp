// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The one POSIX quoting helper, checked by a real /bin/sh: every hostile argument comes back byte
// for byte and runs nothing.

#include "sshcore/ShellQuote.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using sshcore::ShellQuote;

class tst_ShellQuote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsThroughShell_data()
    {
        QTest::addColumn<QByteArray>("argument");
        QTest::newRow("plain") << QByteArray("results/run-01.csv");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("space") << QByteArray("my data");
        QTest::newRow("single quote") << QByteArray("it's");
        QTest::newRow("double quote") << QByteArray("say \"hi\"");
        QTest::newRow("command substitution") << QByteArray("$(touch pwned)");
        QTest::newRow("backticks") << QByteArray("`touch pwned`");
        QTest::newRow("semicolon") << QByteArray("a; touch pwned");
        QTest::newRow("newline") << QByteArray("line1\ntouch pwned");
        QTest::newRow("leading dash") << QByteArray("-rf");
        QTest::newRow("glob") << QByteArray("*");
        QTest::newRow("tilde") << QByteArray("~root");
        QTest::newRow("variables") << QByteArray("$HOME ${PATH}");
        QTest::newRow("backslashes") << QByteArray("a\\b\\\\c\\");
        QTest::newRow("non-utf8") << QByteArray("caf\xe9 \xff\xfe");
        QTest::newRow("equals-first") << QByteArray("=ls");
        QTest::newRow("255 bytes") << QByteArray(255, 'n');
        QTest::newRow("everything") << QByteArray("'\"$`\\!;&|<>(){}[]*?#~% \t\r\n");
    }

    void roundTripsThroughShell()
    {
        QFETCH(QByteArray, argument);
        QTemporaryDir dir;
        QProcess shell;
        shell.setWorkingDirectory(dir.path());
        // printf prints the argument exactly; a broken quote would run "touch pwned" or change it.
        // The command goes through a file so that no byte is re-encoded on the way.
        QFile script(dir.filePath(u"script.sh"_s));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("printf %s " + ShellQuote::quote(argument) + '\n');
        script.close();
        shell.start(u"/bin/sh"_s, {script.fileName()});
        QVERIFY(shell.waitForFinished(10000));
        QCOMPARE(shell.exitCode(), 0);
        QCOMPARE(shell.readAllStandardOutput(), argument);
        QVERIFY(!QFile::exists(dir.filePath(u"pwned"_s)));
    }

    void plainWordsStayReadable()
    {
        QCOMPARE(ShellQuote::quote("squeue"), QByteArray("squeue"));
        QCOMPARE(ShellQuote::command({"sbatch", "--parsable", "job script.sh"}),
                 QByteArray("sbatch --parsable 'job script.sh'"));
    }
};

QTEST_GUILESS_MAIN(tst_ShellQuote)
#include "tst_shellquote.moc"
