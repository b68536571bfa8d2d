// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Jupyter area as a person uses it, on the demo cluster: the form filled from the cluster
// (partitions with their limits), a bad time refused before anything is sent, Start, the server's
// state in words until it is ready, the URL and its buttons, Stop after the question, and a start
// that fails (a Python environment without Jupyter) showing the diagnosis and the job's output.
// Screenshots: jupyter-area-ready.png, jupyter-area-failed.png.

#include "DemoClusterSupport.h"
#include "DemoConnection.h"
#include "GuiTestSupport.h"
#include "ScriptedInteraction.h"
#include "TestSupport.h"
#include "app/jupyter/JupyterManager.h"
#include "app/jupyter/JupyterSession.h"
#include "app/schedulers/SchedulerClient.h"
#include "ui/jupyter/JupyterArea.h"
#include "ui/jupyter/JupyterForm.h"
#include "ui/screenshots/Screenshot.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using State = app::JupyterSession::State;

class tst_JupyterArea : public QObject
{
    Q_OBJECT

    app::DemoCluster m_cluster;
    ScriptedInteraction m_interaction;
    QTemporaryDir m_dir;
    std::unique_ptr<app::ClusterConnection> m_connection;
    std::unique_ptr<ui::JupyterArea> m_area;

    template<typename T>
    T *find(const QString &name) const
    {
        return m_area->findChild<T *>(name);
    }

    void screenshot(const QString &name)
    {
        QVERIFY_RESULT(ui::saveScreenshot(m_area.get(), QStringLiteral(CLUSTERDESK_SCREENSHOT_DIR "/") + name));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto cluster = app::DemoCluster::load(app::DemoCluster::defaultFilePath());
        QVERIFY_RESULT(cluster);
        m_cluster = *cluster;
        m_connection = testsupport::openDemoConnection(m_cluster, m_dir.filePath(u"ssh_config"_s), &m_interaction,
                                                       true);
        QVERIFY2(m_connection->schedulerClient()->isReady(), qPrintable(m_connection->message()));
        m_area = std::make_unique<ui::JupyterArea>();
        m_area->resize(1280, 760);
        m_area->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_area.get()));
        m_area->setConnection(m_connection.get());
        // The partitions come from the cluster, with their limits.
        auto *partition = find<QComboBox>(u"partition"_s);
        QTRY_VERIFY_WITH_TIMEOUT(partition->count() > 1, 30000);
    }

    void readyThenStopped()
    {
        auto *time = find<QLineEdit>(u"time"_s);
        auto *start = find<QPushButton>(u"start"_s);
        time->setText(u"soon"_s);
        QVERIFY(!start->isEnabled()); // a time the scheduler cannot read: nothing is sent
        QVERIFY(find<QLabel>(u"problem"_s)->text().contains(u"2:00:00"_s));
        time->setText(u"00:20:00"_s);
        find<QLineEdit>(u"modules"_s)->setText(u"jupyter/2.15"_s);
        find<QLineEdit>(u"memory"_s)->setText(u"500M"_s);
        find<QRadioButton>(u"notebook"_s)->setChecked(true);
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        app::JupyterSession *session = m_area->selected();
        QVERIFY(session);
        session->setPollIntervals(500ms, 200ms, 2000ms);
        auto *state = find<QLabel>(u"state"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(session->state() == State::Ready || session->state() == State::Ended,
                                  qPrintable(state->text()), 120000);
        QVERIFY2(session->state() == State::Ready, qPrintable(state->text()));
        QCOMPARE(state->text(), u"Ready"_s);
        QCOMPARE(find<QLineEdit>(u"url"_s)->text(), session->url().toString());
        QVERIFY(find<QPushButton>(u"open"_s)->isEnabled());
        QVERIFY(find<QPushButton>(u"copy"_s)->isEnabled());
        QTRY_VERIFY(!m_area->list()->model()->index(0, 3).data().toString().isEmpty()); // time left
        screenshot(u"jupyter-area-ready.png"_s);

        // Stop asks first; the job is cancelled once confirmed.
        QTest::mouseClick(find<QPushButton>(u"stop"_s), Qt::LeftButton);
        QMessageBox *ask = nullptr;
        QTRY_VERIFY((ask = m_area->findChild<QMessageBox *>(u"confirmStop"_s)) && ask->isVisible());
        for (QAbstractButton *button : ask->buttons())
            if (button->text() == u"Stop the job"_s)
                button->click();
        QTRY_VERIFY2_WITH_TIMEOUT(session->state() == State::Ended, qPrintable(state->text()), 60000);
        QVERIFY(find<QLineEdit>(u"url"_s)->text().isEmpty());
        QVERIFY(find<QPushButton>(u"forget"_s)->isVisible());
        QPointer<app::JupyterSession> forgotten = session;
        QTest::mouseClick(find<QPushButton>(u"forget"_s), Qt::LeftButton);
        QTRY_VERIFY(forgotten.isNull());
        QVERIFY(!m_connection->jupyter()->sessions().contains(session));
    }

    void failedStartShowsWhy()
    {
        const auto made = testsupport::runAndWait(
            *m_connection->ssh(), {"sh", "-c", "rm -rf ~/novenv-area && python3 -m venv --without-pip ~/novenv-area"});
        QVERIFY2(made && made->exitStatus == 0, testsupport::errorText(made).constData());
        auto *kind = find<QComboBox>(u"environmentKind"_s);
        kind->setCurrentIndex(kind->findData(int(app::JupyterEnvironment::Kind::Venv)));
        find<QLineEdit>(u"modules"_s)->clear();
        find<QLineEdit>(u"venv"_s)->setText(u"~/novenv-area"_s);
        QTest::mouseClick(find<QPushButton>(u"start"_s), Qt::LeftButton);
        app::JupyterSession *session = m_area->selected();
        QVERIFY(session);
        session->setPollIntervals(500ms, 200ms, 2000ms);
        QTRY_VERIFY_WITH_TIMEOUT(session->state() == State::Ended, 120000);
        QCOMPARE(session->diagnosis().cause, app::JupyterDiagnosis::Cause::JupyterMissing);
        QCOMPARE(find<QLabel>(u"state"_s)->text(), session->diagnosis().message);
        auto *output = find<QPlainTextEdit>(u"output"_s);
        QVERIFY(output->isVisible());
        QVERIFY(!output->toPlainText().isEmpty());
        screenshot(u"jupyter-area-failed.png"_s);
        (void)testsupport::runAndWait(*m_connection->ssh(), {"rm", "-rf", "novenv-area"});
    }

    void cleanupTestCase()
    {
        if (m_connection) // nothing left running on the cluster, whatever failed above
            (void)testsupport::runAndWait(*m_connection->ssh(), {"sh", "-c", "scancel -u $(id -un); true"});
        m_area.reset();
        m_connection.reset();
    }
};

QTEST_MAIN(tst_JupyterArea)
#include "tst_jupyterarea.moc"
