#pragma once

#include "CachedOpportunity.h"
#include "HistoryFormatter.h"
#include "OpportunityUpdate.h"
#include "PeopleBook.h"

#include <QWidget>
#include <optional>

class QFormLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

// The selected record: every field, the account's name, where it stands with the server, and
// the updates history as a timeline. Everything from the server is shown as plain text.
class DetailPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit DetailPanel(QWidget *parent = nullptr);

    // `people` names the owner and draws their avatar; `names` tells the history's accounts and
    // owners by name (ids when it knows none).
    void showRecord(const std::optional<CachedOpportunity> &record,
                    const std::optional<QList<OpportunityUpdate>> &history,
                    const PeopleBook &people, const HistoryFormatter &names = HistoryFormatter());
    QString currentId() const { return m_id; }
    // Text of every label, for tests.
    QStringList shownTexts() const;
    // The history's entries as shown, newest first (or the note that there is none yet).
    QStringList historyTexts() const;

signals:
    void editRequested();
    void resolveRequested();
    void discardRequested();
    void retryRequested();

private:
    QString m_id;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QFormLayout *m_fields = nullptr;
    QList<QLabel *> m_values;
    // Beside the owner's name (object name "ownerAvatar", for tests).
    QLabel *m_ownerAvatar = nullptr;
    QScrollArea *m_history = nullptr;
    QVBoxLayout *m_entries = nullptr;
    QPushButton *m_resolve = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_retry = nullptr;
};
