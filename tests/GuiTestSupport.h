// SPDX-FileCopyrightText: 2026 The clusterdesk authors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QPointer>
#include <QTest>
#include <QWidget>

#include <functional>

namespace testsupport {

// The first visible dialog of type Dialog over window that satisfies wanted (if given), once it
// shows; nullptr if none does within timeoutMs.
template<typename Dialog>
Dialog *waitForDialog(QWidget *window, int timeoutMs = 5000, const std::function<bool(Dialog *)> &wanted = {})
{
    Dialog *found = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            for (Dialog *dialog : window->findChildren<Dialog *>()) {
                if (dialog->isVisible() && (!wanted || wanted(dialog))) {
                    found = dialog;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

// Whether widget is hidden or deleted (dialogs delete themselves on close) within timeoutMs.
inline bool closes(QWidget *widget, int timeoutMs = 5000)
{
    const QPointer<QWidget> guard = widget;
    return QTest::qWaitFor([&] { return !guard || !guard->isVisible(); }, timeoutMs);
}

} // namespace testsupport
