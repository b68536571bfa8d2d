// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The rhythm the job list and the output follower share: one request at a time, requests asked for
// meanwhile folded into one that follows the answer, the next one an interval after the answer.

#include "app/jobs/Poller.h"

#include <QTest>

using namespace std::chrono_literals;

class tst_Poller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestsDuringOneAreFoldedIntoOne()
    {
        int requests = 0;
        app::Poller poller([&] { ++requests; });
        poller.setInterval(100ms); // so that a timer it started by mistake fires within the wait below
        poller.trigger();
        QCOMPARE(requests, 1);
        QVERIFY(poller.isBusy());
        poller.trigger();
        poller.trigger();
        QCOMPARE(requests, 1); // never two at once
        poller.finished();
        QCOMPARE(requests, 2); // the ones asked for meanwhile, once, right after the answer
        QVERIFY(poller.isBusy());
        poller.finished();
        QVERIFY(!poller.isBusy());
        // A check that nothing happens, so a wait of three intervals (not a synchronisation): not
        // started, no timer.
        QTest::qWait(300);
        QCOMPARE(requests, 2);
    }

    void theNextComesAnIntervalAfterTheAnswer()
    {
        int requests = 0;
        app::Poller *self = nullptr;
        app::Poller poller([&] {
            ++requests;
            self->finished(); // answered at once
        });
        self = &poller;
        poller.setInterval(100ms);
        poller.start();
        QCOMPARE(requests, 1);
        QVERIFY(poller.isActive());
        QTRY_COMPARE_WITH_TIMEOUT(requests, 3, 2000);
        poller.stop();
        const int stoppedAt = requests;
        QTest::qWait(300); // three intervals in which nothing may happen
        QCOMPARE(requests, stoppedAt);
    }

    void aSlowAnswerIsNotAskedAgainBeforeItComes()
    {
        int requests = 0;
        app::Poller poller([&] { ++requests; });
        poller.setInterval(100ms);
        poller.start();
        QTest::qWait(400); // the answer takes longer than the interval
        QCOMPARE(requests, 1);
        poller.finished();
        QCOMPARE(requests, 1);
        QTRY_COMPARE_WITH_TIMEOUT(requests, 2, 2000);
    }
};

QTEST_GUILESS_MAIN(tst_Poller)
#include "tst_poller.moc"
