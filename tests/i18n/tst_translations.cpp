// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The contexts lupdate files the messages under are the ones the code looks them up with at run
// time, in every layer: check-translations (the fixture that runs first) "translated" every message
// lupdate found to itself between ⟦ and ⟧ (clusterdesk_pseudo.qm); loaded here as the German
// translation through app::installTranslations, the program's texts must come out bracketed. And
// clusterdesk-cli, run in German with the pseudo-translation where it looks for its translations,
// says everything bracketed too: its help (so translations are installed before it is built) and
// its messages.

#include "app/jobs/JobListModel.h"
#include "app/jobscripts/JobField.h"
#include "app/locale/Translations.h"
#include "app/schedulers/ResourceUnits.h"
#include "sshcore/SshEndpoint.h"
#include "ui/files/FilesArea.h"
#include "ui/welcome/WelcomeView.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(CLUSTERDESK_PSEUDO_QM)), CLUSTERDESK_PSEUDO_QM);
        QVERIFY(m_folder.isValid());
        const QString german = m_folder.filePath(QStringLiteral("clusterdesk_de.qm"));
        QVERIFY(QFile::copy(QStringLiteral(CLUSTERDESK_PSEUDO_QM), german));

        // A language there is no file for loads nothing of clusterdesk's.
        QVERIFY(!app::installTranslations(QLocale(QLocale::French, QLocale::France), m_folder.path()).contains(german));
        // ... but the English plurals built into the program are always there.
        QCOMPARE(ui::FilesArea::tr("%1: %n file(s) failed; see Transfers.", nullptr, 1).arg(u"data"),
                 QStringLiteral("data: 1 file failed; see Transfers."));
        QCOMPARE(ui::FilesArea::tr("%1: %n file(s) failed; see Transfers.", nullptr, 3).arg(u"data"),
                 QStringLiteral("data: 3 files failed; see Transfers."));

        const QStringList loaded = app::installTranslations(QLocale(QLocale::German, QLocale::Germany),
                                                            m_folder.path());
        QVERIFY2(loaded.contains(german), qPrintable(loaded.join(u", ")));
    }

    void sshcoreMessages()
    {
        const auto endpoint = sshcore::SshEndpoint::parse(QStringLiteral("[::1"));
        QVERIFY(!endpoint);
        QCOMPARE(endpoint.error().message, QStringLiteral("⟦\"[::1\" has an unclosed '['.⟧"));
    }

    void appMessagesOutsideQObjects()
    {
        QCOMPARE(app::units::describeDuration(30), QStringLiteral("⟦30 s⟧"));
        QCOMPARE(app::jobFieldName(app::JobField::Name), QStringLiteral("⟦Job name⟧"));
    }

    void appModelTitles()
    {
        app::JobListModel model;
        QCOMPARE(model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("⟦ID⟧"));
    }

    void uiWidgetTexts()
    {
        ui::WelcomeView welcome;
        QStringList texts;
        for (const QLabel *label : welcome.findChildren<QLabel *>())
            texts.append(label->text());
        QVERIFY2(texts.contains(QStringLiteral("⟦Welcome to clusterdesk⟧")), qPrintable(texts.join(u" | ")));
        for (const QString &text : std::as_const(texts)) {
            if (!text.isEmpty())
                QVERIFY2(text.startsWith(u'⟦') && text.endsWith(u'⟧'), qPrintable(text));
        }
    }

    void plurals()
    {
        QCOMPARE(ui::FilesArea::tr("%1: %n file(s) failed; see Transfers.", nullptr, 3).arg(u"data"),
                 QStringLiteral("⟦data: 3 file(s) failed; see Transfers.⟧"));
    }

    void cliTexts_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("expected"); // in standard output and error, one after the other
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << 0
                                << QStringList{QStringLiteral("⟦clusterdesk on the command line.⟧"),
                                               QStringLiteral("⟦Commands:⟧"),
                                               QStringLiteral("  exec TARGET COMMAND [ARG...]   ⟦run a command"),
                                               QStringLiteral("⟦TARGET is a cluster's name"),
                                               QStringLiteral("⟦Never prompt; fail instead.⟧"),
                                               QStringLiteral("⟦queue: every user's jobs.⟧")};
        QTest::newRow("usage") << QStringList{QStringLiteral("probe")} << 2
                               << QStringList{QStringLiteral("⟦usage: clusterdesk-cli probe HOST[:PORT]⟧")};
        QTest::newRow("error") << QStringList{QStringLiteral("queue")} << 2
                               << QStringList{QStringLiteral(
                                      "clusterdesk-cli: ⟦queue needs a TARGET (alias or user@host[:port])⟧")};
        QTest::newRow("command's error") << QStringList{QStringLiteral("translate"), QStringLiteral("--to"),
                                                        QStringLiteral("nowhere"), QStringLiteral("job.sh")}
                                         << 2
                                         << QStringList{
                                                QStringLiteral("clusterdesk-cli: ⟦--to takes slurm, pbs, lsf or sge⟧")};
    }

    void cliTexts()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QStringList, expected);
        // A copy of clusterdesk-cli in PREFIX/bin finds its translations in PREFIX/share/clusterdesk/translations.
        QTemporaryDir prefix;
        QVERIFY(prefix.isValid());
        const QString program = prefix.filePath(QStringLiteral("bin/clusterdesk-cli"));
        const QString folder = prefix.filePath(QStringLiteral("share/clusterdesk/translations"));
        QVERIFY(QDir().mkpath(prefix.filePath(QStringLiteral("bin"))) && QDir().mkpath(folder));
        QVERIFY(QFile::copy(QStringLiteral(CLUSTERDESK_CLI), program));
        QVERIFY(QFile::copy(QStringLiteral(CLUSTERDESK_PSEUDO_QM), folder + QStringLiteral("/clusterdesk_de.qm")));

        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANG"})
            environment.insert(QLatin1StringView(name), QStringLiteral("de_DE.UTF-8"));
        environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
        cli.setProcessEnvironment(environment);
        cli.start(program, arguments);
        QVERIFY(cli.waitForFinished(30000));
        const QString said = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), exitCode);
        for (const QString &text : std::as_const(expected))
            QVERIFY2(said.contains(text), qPrintable(text + u"\n---\n"_s + said));
    }

private:
    QTemporaryDir m_folder;
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
