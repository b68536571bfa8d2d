// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// CompoundCommand: several command lines as one, split back per part. The joined line is run by
// this machine's own /bin/sh here (the cluster's login shell in tests/cluster/tst_usagecommands),
// with parts that fail, print binary without a final newline, read standard input, and forge the
// markers of the command they run in.

#include "TestSupport.h"
#include "app/schedulers/CompoundCommand.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using app::CompoundCommand;
using sshcore::CommandResult;

namespace {

CommandResult runLocally(const QByteArray &commandLine)
{
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QString::fromUtf8(commandLine)});
    shell.closeWriteChannel();
    if (!shell.waitForFinished(20000))
        qFatal("the joined command did not finish");
    CommandResult result;
    result.exitStatus = shell.exitCode();
    result.standardOutput = shell.readAllStandardOutput();
    result.standardError = shell.readAllStandardError();
    return result;
}

} // namespace

class TestCompoundCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partsComeBackApart()
    {
        const QByteArray binary("\x00\x01\xff\n\x1e\x1f"
                                "end",
                                9);
        CompoundCommand command({"printf 'out\\n'; printf 'err' >&2; exit 3",
                                 "printf '\\000\\001\\377\\n\\036\\037end'", "", "cat; echo \"read $?\"",
                                 "exit 7 # a comment does not swallow the rest", "printf 'no newline'"});
        const auto parts = command.split(runLocally(command.join()));
        QVERIFY_RESULT(parts);
        QCOMPARE(parts->size(), 6);
        QCOMPARE(parts->at(0).exitStatus, 3);
        QCOMPARE(parts->at(0).standardOutput, QByteArray("out\n"));
        QCOMPARE(parts->at(0).standardError, QByteArray("err"));
        QCOMPARE(parts->at(1).standardOutput, binary);
        QCOMPARE(parts->at(1).exitStatus, 0);
        QCOMPARE(parts->at(2).exitStatus, 0);                          // empty: ":"
        QCOMPARE(parts->at(3).standardOutput, QByteArray("read 0\n")); // no standard input to wait for
        QCOMPARE(parts->at(4).exitStatus, 7);
        QCOMPARE(parts->at(5).standardOutput, QByteArray("no newline"));
    }

    // A part that knows the marker (it cannot: it is random per command; here the test writes it
    // in) and prints headers of its own, for the next part and for itself, still ends where its
    // byte count says.
    void forgedHeadersChangeNothing()
    {
        QVERIFY(CompoundCommand({":"}).marker() != CompoundCommand({":"}).marker());
        CompoundCommand command({"printf '%s\\n' '@@ 1 0 4 0' fake '@@ 0 9 0 0' '@@ 2 0 0 0'", "printf 'real'"});
        const QByteArray joined = command.join().replace("@@", command.marker());
        const auto parts = command.split(runLocally(joined));
        QVERIFY_RESULT(parts);
        QCOMPARE(parts->size(), 2);
        QCOMPARE(parts->at(0).standardOutput, command.marker() + " 1 0 4 0\nfake\n" + command.marker() + " 0 9 0 0\n"
                                                  + command.marker() + " 2 0 0 0\n");
        QCOMPARE(parts->at(1).standardOutput, QByteArray("real"));
        QCOMPARE(parts->at(1).exitStatus, 0);
    }

    void chatterBeforeIsSkipped()
    {
        CompoundCommand command({"echo a", "echo b"});
        CommandResult whole = runLocally(command.join());
        whole.standardOutput.prepend("Welcome! (a login script's echo)\n");
        const auto parts = command.split(whole);
        QVERIFY_RESULT(parts);
        QCOMPARE(parts->at(1).standardOutput, QByteArray("b\n"));
    }

    void damagedOutputIsAnError_data()
    {
        QTest::addColumn<int>("cut");
        QTest::newRow("nothing") << 0;
        QTest::newRow("in the first header") << 20;
        QTest::newRow("in the last part") << -2;
    }

    void damagedOutputIsAnError()
    {
        QFETCH(int, cut);
        CompoundCommand command({"echo one", "echo two"});
        CommandResult whole = runLocally(command.join());
        whole.standardOutput.truncate(cut >= 0 ? cut : whole.standardOutput.size() + cut);
        const auto parts = command.split(whole);
        QVERIFY(!parts);
        QCOMPARE(parts.error().kind, sshcore::ErrorKind::Malformed);
        QVERIFY2(parts.error().message.contains(u"of its 2 parts"), qPrintable(parts.error().message));
    }

    void temporaryFolderIsRemoved()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        CompoundCommand command({"echo one", "exit 4"});
        const QByteArray prefix = "TMPDIR=" + folder.path().toUtf8() + "; export TMPDIR; ";
        QVERIFY_RESULT(command.split(runLocally(prefix + command.join())));
        QVERIFY(QDir(folder.path()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
    }

    void noTemporaryFolder()
    {
        CompoundCommand command({"echo one"});
        const auto parts = command.split(runLocally("TMPDIR=/nonexistent/x; export TMPDIR; " + command.join()));
        QVERIFY(!parts);
        QCOMPARE(parts.error().kind, sshcore::ErrorKind::Refused);
    }

    void hostileByteCounts()
    {
        CompoundCommand command({"echo one"});
        CommandResult whole;
        for (const QByteArray &header : {QByteArray(" 0 0 99999999999999999999 0\n"), QByteArray(" 0 0 -1 0\n"),
                                         QByteArray(" 0 0 9223372036854775807 9223372036854775807\n"),
                                         QByteArray(" 0 x 1 1\n"), QByteArray(" 1 0 0 0\n")}) {
            whole.standardOutput = command.marker() + header + "one\n";
            QVERIFY(!command.split(whole));
        }
    }
};

QTEST_GUILESS_MAIN(TestCompoundCommand)
#include "tst_compoundcommand.moc"
