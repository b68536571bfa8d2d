// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The contexts lupdate files the messages under are the ones the code looks them up with at run
// time, in every layer: check-translations (the fixture that runs first) "translated" every message
// lupdate found to itself between ⟦ and ⟧ (clusterdesk_pseudo.qm); loaded here as the German
// translation through app::installTranslations, the program's texts must come out bracketed.

#include "app/jobs/JobListModel.h"
#include "app/jobscripts/JobField.h"
#include "app/locale/Translations.h"
#include "app/schedulers/ResourceUnits.h"
#include "sshcore/SshEndpoint.h"
#include "ui/files/FilesArea.h"
#include "ui/welcome/WelcomeView.h"

#include <QApplication>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

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

private:
    QTemporaryDir m_folder;
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
