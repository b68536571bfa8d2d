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
    for (int waited = 0; waited <= timeoutMs; waited += 10) {
        for (Dialog *dialog : window->findChildren<Dialog *>()) {
            if (dialog->isVisible() && (!wanted || wanted(dialog)))
                return dialog;
        }
        QTest::qWait(10);
    }
    return nullptr;
}

// Whether widget is hidden or deleted (dialogs delete themselves on close) within timeoutMs.
inline bool closes(QWidget *widget, int timeoutMs = 5000)
{
    const QPointer<QWidget> guard = widget;
    for (int waited = 0; waited <= timeoutMs; waited += 10) {
        if (!guard || !guard->isVisible())
            return true;
        QTest::qWait(10);
    }
    return false;
}

} // namespace testsupport
