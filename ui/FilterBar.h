#pragma once

#include "Account.h"

#include <QWidget>

class OpportunityFilterProxy;
class OpportunityListModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

// Every filter of the API in one bar: name search (applied as you type), stages (several at
// once), account (with completion), owner, archived. One filter state for every view it serves;
// beside it, the count and totals of what matches.
class FilterBar final : public QWidget
{
    Q_OBJECT

public:
    explicit FilterBar(QWidget *parent = nullptr);

    // The bar applies its state to each proxy it serves; totals come from the first.
    void addProxy(OpportunityFilterProxy *proxy);
    void setAccounts(const QList<Account> &accounts);
    void setOwners(const QList<QPair<QString, QString>> &idAndName);
    void focusSearch();

    QLineEdit *searchField() const { return m_search; }
    QToolButton *stageButton() const { return m_stageButton; }
    QComboBox *accountBox() const { return m_account; }
    QComboBox *ownerBox() const { return m_owner; }
    QCheckBox *archivedBox() const { return m_archived; }
    QLabel *summary() const { return m_summary; }

private:
    void apply();
    void updateSummary();
    void updateStageButton();

    QList<OpportunityFilterProxy *> m_proxies;
    QLineEdit *m_search = nullptr;
    QToolButton *m_stageButton = nullptr;
    QComboBox *m_account = nullptr;
    QComboBox *m_owner = nullptr;
    QCheckBox *m_archived = nullptr;
    QLabel *m_summary = nullptr;
    // Summaries are computed once per event loop pass, however many changes arrive in it.
    QTimer *m_summaryTimer = nullptr;
};
