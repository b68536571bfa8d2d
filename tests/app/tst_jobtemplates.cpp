// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// Job templates: the shipped ones load and are valid scripts; the user's are saved under any title.
#include "app/jobscripts/JobScript.h"
#include "app/jobscripts/JobScriptValidator.h"
#include "app/jobscripts/JobTemplates.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

class TestJobTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shipped()
    {
        const QList<app::JobTemplate> templates = app::JobTemplates::shipped();
        QStringList ids;
        for (const app::JobTemplate &jobTemplate : templates) {
            ids.append(jobTemplate.id);
            QVERIFY(!jobTemplate.title.isEmpty());
            QVERIFY(!jobTemplate.description.isEmpty());
            QVERIFY2(jobTemplate.text.startsWith(QStringLiteral("#!/bin/")), qPrintable(jobTemplate.id));
            const app::JobScript script = app::JobScript::parse(jobTemplate.text);
            QCOMPARE(script.text(), jobTemplate.text);
            QVERIFY2(!script.value(app::JobField::Name).isEmpty(), qPrintable(jobTemplate.id));
            QVERIFY2(!script.value(app::JobField::TimeLimit).isEmpty(), qPrintable(jobTemplate.id));
            const auto problems = app::JobScriptValidator::check(script);
            QVERIFY2(problems.isEmpty(),
                     qPrintable(jobTemplate.id + u": " + (problems.isEmpty() ? QString() : problems.front().message)));
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("cpu"), QStringLiteral("gpu"), QStringLiteral("multigpu-torchrun"),
                                   QStringLiteral("array"), QStringLiteral("keras-mnist"),
                                   QStringLiteral("lightning-lsf")}));
        const auto find = [&](const QString &id) { return templates.at(ids.indexOf(id)); };
        QCOMPARE(app::JobScript::parse(find(QStringLiteral("gpu")).text).value(app::JobField::Gpus),
                 QStringLiteral("1"));
        QCOMPARE(app::JobScript::parse(find(QStringLiteral("multigpu-torchrun")).text).value(app::JobField::Gpus),
                 QStringLiteral("4"));
        QCOMPARE(app::JobScript::parse(find(QStringLiteral("array")).text).value(app::JobField::Array),
                 QStringLiteral("1-10%4"));
        const app::JobTemplate lightning = find(QStringLiteral("lightning-lsf"));
        QCOMPARE(lightning.scheduler, app::Profile::Scheduler::Lsf);
        const app::JobScript lsf = app::JobScript::parse(lightning.text);
        QCOMPARE(lsf.value(app::JobField::Partition), QStringLiteral("gpuv100"));
        QCOMPARE(lsf.value(app::JobField::TimeLimit), QStringLiteral("01:00:00"));
        QCOMPARE(lsf.value(app::JobField::Gpus), QStringLiteral("1"));
    }

    void savedUnderAnyTitle()
    {
        QTemporaryDir folder;
        const app::JobTemplates templates(folder.path() + QStringLiteral("/templates"));
        QVERIFY(templates.saved().isEmpty());
        const QString hostile = QStringLiteral("../a/b: c? *100%* ..");
        const auto saved = templates.save(hostile, QStringLiteral("#!/bin/bash\n#SBATCH -t 5\n"));
        QVERIFY2(saved.has_value(), saved ? "" : qPrintable(saved.error().message));
        QCOMPARE(saved->title, hostile.trimmed());
        QVERIFY(saved->isUsers);
        // Inside the folder, whatever the title said.
        QCOMPARE(QFileInfo(saved->path).absolutePath(),
                 QFileInfo(folder.path() + QStringLiteral("/templates")).absoluteFilePath());
        QCOMPARE(templates.saved().size(), 1);
        // The same title replaces it; another adds one, listed by title.
        QVERIFY(templates.save(hostile, QStringLiteral("#!/bin/bash\n#SBATCH -t 10\n")));
        QVERIFY(templates.save(QStringLiteral("alpha"), QStringLiteral("#!/bin/bash\n")));
        const QList<app::JobTemplate> all = templates.saved();
        QCOMPARE(all.size(), 2);
        const auto replaced = std::find_if(all.begin(), all.end(),
                                           [&](const app::JobTemplate &t) { return t.title == hostile; });
        QVERIFY(replaced != all.end());
        QCOMPARE(replaced->text, QStringLiteral("#!/bin/bash\n#SBATCH -t 10\n"));
        QCOMPARE(templates.all().size(), app::JobTemplates::shipped().size() + 2);
        QVERIFY(!templates.save(QStringLiteral("  "), QString()));
        QVERIFY(templates.remove(*replaced));
        QCOMPARE(templates.saved().size(), 1);
        QVERIFY(!templates.remove(app::JobTemplates::shipped().front()));
    }
};

QTEST_MAIN(TestJobTemplates)
#include "tst_jobtemplates.moc"
