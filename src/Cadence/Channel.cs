namespace Cadence;

/// <summary>The way a touch reaches a contact.</summary>
/// <remarks>
/// <see cref="Meeting"/> and <see cref="Call"/> are live; <see cref="Note"/> and <see cref="Social"/> are written.
/// A touch may add a free-form medium ("coffee", "Skype video", "handwritten card", "email", "LinkedIn").
/// </remarks>
public enum Channel
{
    /// <summary>Face to face, or a video meeting: the strongest touch.</summary>
    Meeting = 0,

    /// <summary>A telephone or voice call.</summary>
    Call = 1,

    /// <summary>A written note: a letter, a card, an e-mail.</summary>
    Note = 2,

    /// <summary>A social-media touch: a message, a comment, a like.</summary>
    Social = 3,
}
